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
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

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
 * <li>A JWT whose {@code exp} has passed, clock skew allowed ({@link TokenExpiry}), or that states none:
 *     401 here, before the verifier — whose authentication cache would otherwise answer for a token it
 *     took while it was valid.</li>
 * <li>Otherwise Liberty's MP-JWT verifies it (signature, issuer, audience, expiry), asked through
 *     {@link HttpServletRequest#authenticate}; refused, a 401.</li>
 * </ul>
 * The {@code exp} read here is the token's claim before anyone verified it, and that is enough: the
 * verifier and its cache know a token by its whole text, so a token whose {@code exp} was changed is
 * another text, verified in full and refused for its signature (docs/architecture.md, "Identity and
 * access").
 *
 * <p>The verifier runs only when asked here: base.xml turns off Liberty's own attempt on "unprotected"
 * URIs (every JAX-RS URI is one to the web container), which ran before any application code, fetched
 * keys for unknown ones and ignored a refused token on public endpoints. Every refusal is counted and
 * logged, throttled ({@link TokenRefusals}).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    /** Why a presented token is not taken, and how the 401 says so. */
    record Refusal(Reason reason, String challenge, String detail) {}

    /** Liberty's verifier, asked about the request's token. */
    @FunctionalInterface
    interface Verifier {
        boolean accepts() throws IOException;
    }

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Inject
    ProviderKeys keys;

    @Inject
    TokenExpiry expiry;

    @Inject
    TokenRefusals refusals;

    @Override
    public void filter(ContainerRequestContext context) throws IOException {
        String authorization = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return;
        }
        Optional<Refusal> refusal = judge(PresentedToken.read(authorization), keys::publishes, expiry::passed, this::authenticated);
        if (refusal.isPresent()) {
            refusals.refused(refusal.get().reason());
            context.abortWith(Problem.typed("invalid-token", Response.Status.UNAUTHORIZED, refusal.get().detail(), null).toResponseBuilder()
                    .header(HttpHeaders.WWW_AUTHENTICATE, refusal.get().challenge()).build());
        }
    }

    /**
     * Whether to refuse a presented token: first what it claims (read, not yet believed), then the
     * verifier, only when none of those refused.
     */
    static Optional<Refusal> judge(PresentedToken token, Predicate<String> published, Predicate<Instant> passed, Verifier verifier)
            throws IOException {
        if (token.shape() == Shape.NOT_BEARER) {
            return Optional.of(new Refusal(Reason.NOT_BEARER, "Bearer", "The Authorization header must be \"Bearer <token>\""));
        }
        if (token.shape() == Shape.MALFORMED) {
            return Optional.of(new Refusal(Reason.MALFORMED, INVALID_TOKEN, "The bearer token is not a JSON Web Token"));
        }
        if (token.keyId().isPresent() && !published.test(token.keyId().get())) {
            return Optional.of(new Refusal(Reason.UNKNOWN_KEY, INVALID_TOKEN, "The bearer token is not signed by a key of the identity provider"));
        }
        Optional<Instant> expiresAt = token.expiresAt();
        if (expiresAt.isEmpty()) {
            // MP-JWT requires exp; a token without one that we could read is none the verifier would take either.
            return Optional.of(new Refusal(Reason.INVALID, INVALID_TOKEN, "The bearer token states no expiry"));
        }
        if (passed.test(expiresAt.get())) {
            return Optional.of(expired());
        }
        if (!verifier.accepts()) {
            // It may have run out while the verifier looked at it: then that is what the caller is told.
            return Optional.of(passed.test(expiresAt.get()) ? expired()
                    : new Refusal(Reason.INVALID, INVALID_TOKEN, "The bearer token is not valid here"));
        }
        return Optional.empty();
    }

    private static Refusal expired() {
        return new Refusal(Reason.EXPIRED, INVALID_TOKEN, "The bearer token has expired");
    }

    private boolean authenticated() throws IOException {
        try {
            return request.authenticate(response);
        } catch (ServletException e) {
            return false;
        }
    }
}
