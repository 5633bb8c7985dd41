package com.msaair.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What became of the messages each consumer took: {@code msaair_consumer_messages_total{channel,
 * outcome}} with outcome applied, duplicate or parked (counted once the outcome is committed) or
 * ignored (a type the consumer has nothing to do for, acknowledged without a transaction), and
 * {@code msaair_dead_letters_parked} — parked messages still waiting for an operator. Channels are a
 * fixed set per service, so the labels stay bounded.
 */
@ApplicationScoped
public class ConsumerMetrics {

    static final String MESSAGES = "msaair_consumer_messages";
    static final String PARKED_WAITING = "msaair_dead_letters_parked";

    /** The outcomes, as label values. */
    public enum Outcome {
        APPLIED, DUPLICATE, PARKED, IGNORED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Inject
    MetricRegistry registry;

    @Inject
    DeadLetters deadLetters;

    private final java.util.concurrent.atomic.AtomicBoolean gaugeRegistered = new java.util.concurrent.atomic.AtomicBoolean();

    /** Makes a channel's series exist from its start (at 0), so that rates and alerts have something to read. */
    void register(String channel) {
        for (Outcome outcome : Outcome.values()) {
            counter(channel, outcome);
        }
        if (gaugeRegistered.compareAndSet(false, true)) {
                registry.gauge(Metadata.builder().withName(PARKED_WAITING)
                            .withDescription("Parked messages waiting for an operator's replay").build(),
                    this, ConsumerMetrics::parkedWaiting);
        }
    }

    void count(String channel, Outcome outcome) {
        counter(channel, outcome).inc();
    }

    double parkedWaiting() {
        try {
            return deadLetters.count(Optional.empty(), Optional.of(DeadLetter.State.PARKED));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Each channel's counters, looked up once: every consumed message is counted. */
    private final java.util.Map<String, org.eclipse.microprofile.metrics.Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

    private org.eclipse.microprofile.metrics.Counter counter(String channel, Outcome outcome) {
        return counters.computeIfAbsent(channel + "/" + outcome.label(), key -> registry.counter(Metadata.builder().withName(MESSAGES)
                        .withDescription("Messages consumed, by channel and outcome (applied, duplicate, parked, ignored)").build(),
                new Tag("channel", channel), new Tag("outcome", outcome.label())));
    }
}
