package com.msaair.platform.security;

import com.msaair.platform.security.PresentedToken.Shape;
import com.msaair.platform.security.TokenRefusals.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * {@link BearerAuthentication}'s decision for a request that does not go through JAX-RS (a gRPC call,
 * which Liberty serves from a servlet of its own): the same checks in the same order, the same
 * verifier (Liberty's MP-JWT, asked through {@link HttpServletRequest#authenticate}), the same refusals
 * counted and logged ({@link TokenRefusals}). What to answer is the protocol's: this only decides.
 * A token past its expiry is refused here before the verifier is asked, so no cache of the verifier's
 * can take it either.
 */
@ApplicationScoped
public class BearerTokens {

    /** A refused token: why (the metric's reason) and what to tell the client. */
    public record Refusal(Reason reason, String detail) {}

    @Inject
    ProviderKeys keys;

    @Inject
    TokenRefusals refusals;

    @Inject
    Clock clock;

    /**
     * Authenticates {@code request} with the bearer token in {@code authorization} (never null: a request
     * without one is anonymous and not asked about). Empty when the token was accepted: the request's
     * user principal is then the verified token.
     */
    public Optional<Refusal> authenticate(String authorization, HttpServletRequest request, HttpServletResponse response) throws IOException {
        PresentedToken token = PresentedToken.read(authorization);
        Refusal refusal = null;
        if (token.shape() == Shape.NOT_BEARER) {
            refusal = new Refusal(Reason.NOT_BEARER, "The authorization must be \"Bearer <token>\"");
        } else if (token.shape() == Shape.MALFORMED) {
            refusal = new Refusal(Reason.MALFORMED, "The bearer token is not a JSON Web Token");
        } else if (token.keyId().isPresent() && !keys.publishes(token.keyId().get())) {
            refusal = new Refusal(Reason.UNKNOWN_KEY, "The bearer token is not signed by a key of the identity provider");
        } else if (expired(token)) {
            refusal = new Refusal(Reason.EXPIRED, "The bearer token has expired");
        } else if (!verified(request, response)) {
            refusal = new Refusal(Reason.INVALID, "The bearer token is not valid here");
        }
        if (refusal != null) {
            refusals.refused(refusal.reason());
        }
        return Optional.ofNullable(refusal);
    }

    private boolean expired(PresentedToken token) {
        return token.expiresAt().map(exp -> !exp.isAfter(clock.instant())).orElse(false);
    }

    private static boolean verified(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            return request.authenticate(response);
        } catch (ServletException e) {
            return false;
        }
    }
}
