package com.msaair.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Who is looking at the page: nobody, or a signed-in person with the tokens the realm gave this
 * server for them. Every call to a service is made with {@link #accessToken()}, so the services decide
 * what this person may see and do — the web server never sees more than they may.
 */
@RequestScoped
public class Viewer {

    @Inject
    HttpServletRequest request;

    @Inject
    OpenIdContext openId;

    public boolean signedIn() {
        return request.getUserPrincipal() != null;
    }

    public boolean isCustomer() {
        return signedIn() && request.isUserInRole(Roles.CUSTOMER);
    }

    public boolean isManager() {
        return signedIn() && request.isUserInRole(Roles.MANAGER);
    }

    /**
     * The realm's id for this person: a customer's id everywhere in MSA Air — the {@code sub} of the
     * access token, the one every service reads. Not {@link OpenIdContext#getSubject()}: Liberty answers
     * that with the caller name, which is the user name here, and a customer's miles were then asked
     * for under their user name (404) while they were registered under their id.
     */
    public String subject() {
        return openId.getAccessToken().getJwtClaims().getStringClaim("sub")
                .orElseThrow(() -> new IllegalStateException("The realm's access token names no subject"));
    }

    public String accessToken() {
        return openId.getAccessToken().getToken();
    }

    /** When the access token stops being accepted (a live board closes its stream before then and reconnects with a fresh one). */
    public Instant accessTokenExpires() {
        return openId.getAccessToken().getJwtClaims().getExpirationTime().orElseGet(() -> Instant.now().plusSeconds(30));
    }

    /** The person's name as the realm has it ({@code name}, else the user name). */
    public String name() {
        JwtClaims claims = openId.getIdentityToken().getJwtClaims();
        return claims.getStringClaim("name").filter(n -> !n.isBlank())
                .or(() -> claims.getStringClaim("preferred_username"))
                .orElse(request.getUserPrincipal().getName());
    }

    public Optional<String> email() {
        return openId.getIdentityToken().getJwtClaims().getStringClaim("email");
    }
}
