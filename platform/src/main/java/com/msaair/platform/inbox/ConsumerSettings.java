package com.msaair.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The consumers' settings, {@code msaair.consumer.*}, each with its default here and nowhere else
 * (docs/configuration.md; an environment variable overrides, {@code MSAAIR_CONSUMER_MAX_BATCH}). The
 * Kafka consumers themselves are configured apart, as {@code msaair.consumer.kafka.<property>}
 * ({@link com.msaair.platform.kafka.KafkaSettings}).
 */
@ApplicationScoped
public class ConsumerSettings {

    @Inject
    @ConfigProperty(name = "msaair.consumer.name", defaultValue = "unnamed")
    String name;

    @Inject
    @ConfigProperty(name = "msaair.consumer.max-batch", defaultValue = "50")
    int maxBatch;

    @Inject
    @ConfigProperty(name = "msaair.consumer.commit-interval-ms", defaultValue = "200")
    long commitIntervalMs;

    @Inject
    @ConfigProperty(name = "msaair.consumer.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "msaair.consumer.failures-before-down", defaultValue = "5")
    int failuresBeforeDown;

    @Inject
    @ConfigProperty(name = "msaair.consumer.stall-seconds", defaultValue = "30")
    long stallSeconds;

    @Inject
    @ConfigProperty(name = "msaair.consumer.lag-interval-ms", defaultValue = "10000")
    long lagIntervalMs;

    /** Who consumes (the service's name): the Kafka client ids' prefix, and who parked a message ({@code dlt.consumer}). */
    public String name() {
        return name;
    }

    /** Messages of one partition applied in one transaction. */
    public int maxBatch() {
        return maxBatch;
    }

    /** How often at most a consumer commits its offsets. */
    public Duration commitInterval() {
        return Duration.ofMillis(commitIntervalMs);
    }

    /** Failures of a handler, while the database answers, before the message is parked. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** A consumer failing this often in a row, with under a minute of work between, takes liveness down. */
    public int failuresBeforeDown() {
        return failuresBeforeDown;
    }

    /** The same messages in hand this long: readiness goes down, naming the channel. */
    public Duration stallAfter() {
        return Duration.ofSeconds(stallSeconds);
    }

    /** How often the consumers' lag is measured. */
    public Duration lagInterval() {
        return Duration.ofMillis(lagIntervalMs);
    }
}
