package com.msaair.platform.admission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The server's admission limits, one per name, made from the configuration on first use, with their
 * metrics: {@code msaair_admission_requests_total{limit, outcome}} (outcome admitted, shed_queue_full
 * or shed_wait), {@code msaair_admission_wait_seconds{limit}} (how long admitted requests waited for
 * their turn), and the gauges {@code msaair_admission_in_flight{limit}} and
 * {@code msaair_admission_waiting{limit}}. Names are a fixed set per service, so the labels stay bounded.
 */
@ApplicationScoped
public class Admissions {

    private static final Logger LOG = Logger.getLogger(Admissions.class.getName());
    static final String REQUESTS = "msaair_admission_requests";
    static final String WAIT = "msaair_admission_wait";
    static final String IN_FLIGHT = "msaair_admission_in_flight";
    static final String WAITING = "msaair_admission_waiting";

    @Inject
    Config config;

    @Inject
    MetricRegistry registry;

    /** A limit and its series, looked up once: every admitted or refused request is counted. */
    private record Guarded(AdmissionLimit limit, Counter admitted, Counter queueFull, Counter waitedTooLong, Timer waited) {}

    private final Map<String, Guarded> limits = new ConcurrentHashMap<>();

    /**
     * A misconfigured limit stops the application at start rather than at its first request: every
     * {@code msaair.admission.<name>.<key>} in the configuration must be a known key with a valid value.
     * The limits configured are made now, so their series exist (at 0) before the first request.
     */
    void validate(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        for (String property : config.getPropertyNames()) {
            if (!property.startsWith(AdmissionLimits.PREFIX)) {
                continue;
            }
            String rest = property.substring(AdmissionLimits.PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot < 0 || !AdmissionLimits.KEYS.contains(rest.substring(dot + 1))) {
                throw new IllegalStateException(property + " is not an admission setting; a limit has " + AdmissionLimits.KEYS);
            }
            guarded(rest.substring(0, dot));
        }
    }

    /**
     * Admits a request under the limit {@code name}.
     *
     * @throws OverloadedException when it is refused
     */
    public AdmissionLimit.Permit enter(String name) {
        Guarded guarded = guarded(name);
        try {
            AdmissionLimit.Permit permit = guarded.limit().enter();
            guarded.admitted().inc();
            guarded.waited().update(Duration.ofNanos(permit.waitedNanos()));
            return permit;
        } catch (OverloadedException e) {
            (e.reason() == OverloadedException.Reason.QUEUE_FULL ? guarded.queueFull() : guarded.waitedTooLong()).inc();
            throw e;
        }
    }

    private java.util.Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class);
    }

    private Guarded guarded(String name) {
        return limits.computeIfAbsent(name, this::create);
    }

    private Guarded create(String name) {
        AdmissionLimits configured = AdmissionLimits.of(name, this::value);
        AdmissionLimit limit = new AdmissionLimit(name, configured);
        Tag tag = new Tag("limit", name);
        Metadata requests = Metadata.builder().withName(REQUESTS)
                .withDescription("Requests under an admission limit, by outcome: admitted, shed_queue_full, shed_wait").build();
        registry.gauge(Metadata.builder().withName(IN_FLIGHT).withDescription("Requests running under an admission limit").build(),
                limit, AdmissionLimit::inFlight, tag);
        registry.gauge(Metadata.builder().withName(WAITING).withDescription("Requests waiting for their turn under an admission limit").build(),
                limit, AdmissionLimit::waiting, tag);
        LOG.info(() -> "Admission limit " + name + ": " + configured.concurrency() + " at once, " + configured.queue() + " waiting at most "
                + configured.maxWait().toMillis() + " ms, the rest refused with Retry-After " + configured.retryAfter().toSeconds() + " s");
        return new Guarded(limit,
                registry.counter(requests, tag, new Tag("outcome", "admitted")),
                registry.counter(requests, tag, new Tag("outcome", "shed_queue_full")),
                registry.counter(requests, tag, new Tag("outcome", "shed_wait")),
                registry.timer(Metadata.builder().withName(WAIT).withUnit(MetricUnits.SECONDS)
                        .withDescription("How long admitted requests waited for their turn").build(), tag));
    }
}
