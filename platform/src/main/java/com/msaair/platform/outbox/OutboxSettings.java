package com.msaair.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox relay's settings, {@code msaair.outbox.*}, each with its default here and nowhere else
 * (docs/configuration.md; an environment variable overrides, {@code MSAAIR_OUTBOX_BATCH_SIZE}). The
 * relay's Kafka producer is configured apart, as {@code msaair.outbox.kafka.<property>}
 * ({@link com.msaair.platform.kafka.KafkaSettings}).
 */
@ApplicationScoped
public class OutboxSettings {

    @Inject
    @ConfigProperty(name = "msaair.outbox.poll-interval-ms", defaultValue = "500")
    long pollIntervalMs;

    @Inject
    @ConfigProperty(name = "msaair.outbox.batch-size", defaultValue = "100")
    int batchSize;

    @Inject
    @ConfigProperty(name = "msaair.outbox.ack-timeout-ms", defaultValue = "20000")
    long ackTimeoutMs;

    @Inject
    @ConfigProperty(name = "msaair.outbox.lease-seconds", defaultValue = "15")
    long leaseSeconds;

    /** How often the relay looks for rows nobody woke it for (a commit that wrote to the outbox wakes it at once). */
    public Duration pollInterval() {
        return Duration.ofMillis(pollIntervalMs);
    }

    /** Rows sent in one run. */
    public int batchSize() {
        return batchSize;
    }

    /** How long the relay waits for the broker's acknowledgements of a run. */
    public Duration ackTimeout() {
        return Duration.ofMillis(ackTimeoutMs);
    }

    /** The relay's lease: one replica publishes at a time. */
    public Duration leaseTerm() {
        return Duration.ofSeconds(leaseSeconds);
    }
}
