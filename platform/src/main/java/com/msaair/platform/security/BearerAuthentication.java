package com.msaair.platform.security;

import com.msaair.platform.rest.Problem;
import com.msaair.platform.security.PresentedToken.Shape;
import com.msaair.platform.security.TokenRefusals.Reason;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.time.Clock;

/**
 * Who is calling, settled once, first, for every request that presents credentials — on every
 * endpoint, public ones included: credentials that are presented and not good are a 401, whatever the
 * endpoint would have answered someone who sent none (RFC 6750 §3.1; a client finds out its token is
 * bad where it sent it, not on the next protected call).
 * <ul>
 * <li>No {@code Authorization} header: anonymous. An endpoint that needs a role answers 401 itself.</li>
 * <li>Not {@code Bearer <token>}, or not a JWT: 401 here. Liberty's verifier, asked, would take a bare
 *     token with no scheme as a bearer token — but only on the endpoints that need a role.</li>
 * <li>A JWT naming a key the provider does not publish ({@link ProviderKeys}): 401 here, so the
 *     verifier never fetches the provider's keys for it.</li>
 * <li>Otherwise Liberty's MP-JWT verifies it (signature, issuer, audience, expiry), asked through
 *     {@link HttpServletRequest#authenticate}; refused, a 401.</li>
 * </ul>
 * The verifier runs only when asked here: base.xml turns off Liberty's own attempt on "unprotected"
 * URIs (every JAX-RS URI is one to the web container), which ran before any application code, fetched
 * keys for unknown ones and ignored a refused token on public endpoints. Every refusal is counted and
 * logged, throttled ({@link TokenRefusals}).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Inject
    ProviderKeys keys;

    @Inject
    TokenRefusals refusals;

    @Inject
    Clock clock;

    @Override
    public void filter(ContainerRequestContext context) throws IOException {
        String authorization = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return;
        }
        PresentedToken token = PresentedToken.read(authorization);
        if (token.shape() == Shape.NOT_BEARER) {
            refuse(context, Reason.NOT_BEARER, "Bearer", "The Authorization header must be \"Bearer <token>\"");
        } else if (token.shape() == Shape.MALFORMED) {
            refuse(context, Reason.MALFORMED, INVALID_TOKEN, "The bearer token is not a JSON Web Token");
        } else if (token.keyId().isPresent() && !keys.publishes(token.keyId().get())) {
            refuse(context, Reason.UNKNOWN_KEY, INVALID_TOKEN, "The bearer token is not signed by a key of the identity provider");
        } else if (!authenticated()) {
            boolean expired = token.expiresAt().map(exp -> !exp.isAfter(clock.instant())).orElse(false);
            refuse(context, expired ? Reason.EXPIRED : Reason.INVALID, INVALID_TOKEN,
                    expired ? "The bearer token has expired" : "The bearer token is not valid here");
        }
    }

    private boolean authenticated() throws IOException {
        try {
            return request.authenticate(response);
        } catch (ServletException e) {
            return false;
        }
    }

    private void refuse(ContainerRequestContext context, Reason reason, String challenge, String detail) {
        refusals.refused(reason);
        context.abortWith(Problem.typed("invalid-token", Response.Status.UNAUTHORIZED, detail, null).toResponseBuilder()
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build());
    }
}
