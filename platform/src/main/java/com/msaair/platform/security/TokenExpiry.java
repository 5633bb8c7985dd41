package com.msaair.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a token is past its expiry, by the rule Liberty's verifier applies: taken until the clock is
 * past {@code exp} plus the clock skew, {@code oidc.clock.skew} — the very setting base.xml gives the
 * verifier ({@code <mpJwt clockSkew>}), in Liberty's duration syntax.
 *
 * <p>Why the services check it themselves, on every request: Liberty's authentication cache keeps the
 * subject it made from a token, and with it an expired token was still taken. With this check in front
 * of the verifier ({@link BearerTokens}) the cache saves the work of a subject per request and
 * never answers for a token past its expiry (docs/architecture.md, "Identity and access").
 */
@ApplicationScoped
public class TokenExpiry {

    @Inject
    OidcSettings oidc;

    @Inject
    Clock clock;

    private Duration skew;

    @PostConstruct
    void init() {
        skew = oidc.clockSkew();
    }

    /** Whether a token that expires at {@code expiresAt} is no longer taken now. */
    boolean passed(Instant expiresAt) {
        return clock.instant().isAfter(expiresAt.plus(skew));
    }
}
