package com.msaair.platform.security;

import com.msaair.platform.security.PresentedToken.Shape;
import com.msaair.platform.security.TokenRefusals.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether a presented bearer token is taken: the one decision both ways in make, REST's
 * ({@link BearerAuthentication}) and gRPC's (reservation's {@code GrpcCallers}); each answers a refusal
 * in its own protocol's terms.
 * <ul>
 * <li>Not {@code Bearer <token>}, or not a JWT: refused. Liberty's verifier, asked, would take a bare
 *     token with no scheme as a bearer token — but only on the endpoints that need a role.</li>
 * <li>A JWT naming a key the provider does not publish ({@link ProviderKeys}): refused, so the
 *     verifier never fetches the provider's keys for it.</li>
 * <li>A JWT whose {@code exp} has passed, clock skew allowed ({@link TokenExpiry}), or that states none:
 *     refused before the verifier — whose authentication cache would otherwise answer for a token it
 *     took while it was valid.</li>
 * <li>Otherwise Liberty's MP-JWT verifies it (signature, issuer, audience, expiry), asked through
 *     {@link HttpServletRequest#authenticate}; when it accepts, the request's user principal is the
 *     verified token.</li>
 * </ul>
 * The {@code exp} read here is the token's claim before anyone verified it, and that is enough: the
 * verifier and its cache know a token by its whole text, so a token whose {@code exp} was changed is
 * another text, verified in full and refused for its signature (docs/architecture.md, "Identity and
 * access"). Every refusal is counted and logged, throttled ({@link TokenRefusals}).
 */
@ApplicationScoped
public class BearerTokens {

    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    /** Why a presented token is not taken: the metric's reason, an HTTP challenge, and what to tell the client. */
    public record Refusal(Reason reason, String challenge, String detail) {}

    /** Liberty's verifier, asked about the request's token. */
    @FunctionalInterface
    interface Verifier {
        boolean accepts() throws IOException;
    }

    @Inject
    ProviderKeys keys;

    @Inject
    TokenExpiry expiry;

    @Inject
    TokenRefusals refusals;

    /**
     * Authenticates {@code request} with the token in {@code authorization} (never null: a request
     * without one is anonymous and not asked about). Empty when the token was taken.
     */
    public Optional<Refusal> authenticate(String authorization, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Refusal> refusal = judge(PresentedToken.read(authorization), keys::publishes, expiry::passed, () -> verified(request, response));
        refusal.ifPresent(r -> refusals.refused(r.reason()));
        return refusal;
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

    private static boolean verified(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            return request.authenticate(response);
        } catch (ServletException e) {
            return false;
        }
    }
}
