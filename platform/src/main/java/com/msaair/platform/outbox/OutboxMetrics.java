package com.msaair.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * What an operator asks of an outbox: is it draining? {@code msaair_outbox_pending_messages} (rows
 * waiting) and {@code msaair_outbox_oldest_age_seconds} (how long the oldest has waited) are read from
 * the table when scraped, at most once a second; {@code msaair_outbox_published_total{topic}} and
 * {@code msaair_outbox_publish_seconds{topic}} (send to the broker's acknowledgement) move with the
 * relay. Topics are a fixed set per service, so the labels stay bounded.
 */
@ApplicationScoped
public class OutboxMetrics {

    static final String PENDING = "msaair_outbox_pending_messages";
    static final String OLDEST_AGE = "msaair_outbox_oldest_age_seconds";
    static final String PUBLISHED = "msaair_outbox_published";
    static final String PUBLISH_TIME = "msaair_outbox_publish";

    @Inject
    MetricRegistry registry;

    @Inject
    OutboxStore store;

    @Inject
    Clock clock;

    @Inject
    com.msaair.platform.inbox.ConsumerLag lag;

    private volatile Snapshot last = new Snapshot(Long.MIN_VALUE, 0, null);

    /** Rows waiting and the oldest one's time, as read at {@code readAt} (System.nanoTime). */
    private record Snapshot(long readAt, long pending, Instant oldest) {}

    void register() {
        registry.gauge(Metadata.builder().withName(PENDING).withDescription("Outbox rows waiting to be published").build(),
                this, OutboxMetrics::pending);
        registry.gauge(Metadata.builder().withName(OLDEST_AGE).withUnit(MetricUnits.NONE)
                        .withDescription("Seconds the oldest waiting outbox row has waited (0 when none waits)").build(),
                this, OutboxMetrics::oldestAgeSeconds);
    }

    /** A topic's two series, looked up once: the relay records every row it publishes. */
    private record TopicSeries(Counter published, Timer publishTime) {}

    private final Map<String, TopicSeries> byTopic = new ConcurrentHashMap<>();

    void published(OutboxMessage message, long sendToAckNanos) {
        TopicSeries series = byTopic.computeIfAbsent(message.topic(), this::seriesOf);
        series.published().inc();
        series.publishTime().update(Duration.ofNanos(sendToAckNanos));
    }

    private TopicSeries seriesOf(String topicName) {
        lag.published(topicName);
        Tag topic = new Tag("topic", topicName);
        return new TopicSeries(
                registry.counter(Metadata.builder().withName(PUBLISHED).withDescription("Outbox rows published, by topic").build(), topic),
                registry.timer(Metadata.builder().withName(PUBLISH_TIME).withUnit(MetricUnits.SECONDS)
                        .withDescription("Time from a batch's send to the broker's acknowledgement of each row").build(), topic));
    }

    double pending() {
        Snapshot snapshot = snapshot();
        return snapshot == null ? Double.NaN : snapshot.pending();
    }

    double oldestAgeSeconds() {
        Snapshot snapshot = snapshot();
        if (snapshot == null) {
            return Double.NaN;
        }
        return snapshot.oldest() == null ? 0 : Math.max(0, Duration.between(snapshot.oldest(), clock.instant()).toMillis() / 1000.0);
    }

    /** The table as read within the last second; null when the database cannot be read (the gauge shows NaN). */
    private Snapshot snapshot() {
        Snapshot current = last;
        long now = System.nanoTime();
        if (now - current.readAt() < 1_000_000_000L) {
            return current;
        }
        try {
            OutboxStore.Waiting waiting = store.waiting();
            Snapshot fresh = new Snapshot(now, waiting.count(), waiting.oldest());
            last = fresh;
            return fresh;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
