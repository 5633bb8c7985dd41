package com.msaair.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Every bearer token a service refused: counted in {@code msaair_tokens_refused_total{reason}} and
 * logged at most once per reason per {@code msaair.security.refusal-log-seconds} (60), with the number
 * refused since the previous line. Liberty's own two error lines per refused token (CWWKS5523E,
 * CWWKS5524E) are hidden in base.xml: anyone can send tokens, and a line each would let them fill the
 * disk. The reasons are a fixed set, never anything the caller wrote.
 */
@ApplicationScoped
public class TokenRefusals {

    static final String NAME = "msaair_tokens_refused";

    private static final Logger LOG = Logger.getLogger(TokenRefusals.class.getName());

    /** Why a token was refused. */
    public enum Reason {
        /** The Authorization header is not {@code Bearer <token>} (a bare token, another scheme). */
        NOT_BEARER,
        /** A bearer token that is not a JWT. */
        MALFORMED,
        /** Signed with a key the provider does not publish (checked before the verifier, see ProviderKeys). */
        UNKNOWN_KEY,
        /** Past its expiry. */
        EXPIRED,
        /** Anything else the verifier refused: the signature, the issuer, the audience, the algorithm. */
        INVALID;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @Inject
    MetricRegistry registry;

    @Inject
    Clock clock;

    @Inject
    OidcSettings oidc;

    private final Map<Reason, Counter> counters = new ConcurrentHashMap<>();
    private ThrottledLog log;

    @PostConstruct
    void init() {
        log = new ThrottledLog(LOG, clock, oidc.refusalLogInterval());
    }

    void refused(Reason reason) {
        counters.computeIfAbsent(reason, r -> registry.counter(
                Metadata.builder().withName(NAME).withDescription("Bearer tokens refused, by reason").build(), new Tag("reason", r.label()))).inc();
        log.warn(reason.label(), count -> "Refused " + count + " bearer token(s) (" + reason.label() + ") since the last such line;"
                + " " + NAME + "_total counts them all");
    }
}
