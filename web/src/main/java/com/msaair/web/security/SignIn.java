package com.msaair.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How people sign in: the OpenID Connect authorization code flow against the realm, as a confidential
 * client ({@code msaair-web}: its secret reaches the server as an environment variable, never the
 * browser). The tokens stay on the server; the browser holds only HttpOnly cookies naming the session.
 * An access token about to expire is refreshed on the next request ({@code tokenAutoRefresh}); when the
 * realm refuses to refresh it (the realm's session ended), the sign-in ends and the next page asks the
 * person to sign in again. Signing out ends the realm's session too (the provider is notified). The
 * roles are the tokens' {@code groups} claim, as for the services.
 *
 * <p>The values come from MicroProfile Config (environment variables {@code OIDC_ISSUER},
 * {@code OIDC_CLIENT_ID}, {@code OIDC_CLIENT_SECRET}, {@code OIDC_REDIRECT_URI}) through this bean,
 * named for the annotation's expressions.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${signInConfig.providerUri}",
        clientId = "${signInConfig.clientId}",
        clientSecret = "${signInConfig.clientSecret}",
        redirectURI = "${signInConfig.redirectUri}",
        redirectToOriginalResource = true,
        scope = {"openid", "profile", "email"},
        useSession = true,
        // No nonce: Liberty 26.0.0.3 checks an ID token's nonce again when it refreshes the tokens, and
        // Keycloak's refreshed ID tokens carry none (CWWKS2415E): every refresh would end the sign-in.
        // The callback stays bound to this browser's session by the state (kept in the session), and a
        // code is worth nothing without this server's client secret.
        useNonce = false,
        tokenAutoRefresh = true,
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"),
        logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${signInConfig.signedOutUri}"))
@Named("signInConfig")
@ApplicationScoped
public class SignIn {

    @Inject
    @ConfigProperty(name = "oidc.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "oidc.client.id", defaultValue = "msaair-web")
    String clientId;

    @Inject
    @ConfigProperty(name = "oidc.client.secret")
    String clientSecret;

    /**
     * Where the realm sends the browser back: this site's address as the browser knows it (the gateway's;
     * behind a gateway that ends TLS this server sees plain HTTP, so it cannot tell by itself).
     */
    @Inject
    @ConfigProperty(name = "oidc.redirect.uri")
    String redirectUri;

    public String getProviderUri() {
        return issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    /** Where the realm sends the browser after signing out: this site's front page. */
    public String getSignedOutUri() {
        return redirectUri.replaceFirst("/callback$", "/");
    }

    /** The realm's origin: the sign-out form's redirect goes there (the CSP's form-action must allow it). */
    public String issuerOrigin() {
        java.net.URI uri = java.net.URI.create(issuer);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
