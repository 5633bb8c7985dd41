package com.msaair.platform.testing;

import com.msaair.platform.domain.DomainEvent;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.outbox.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An outbox that keeps what a use case published in memory, for unit tests that build application
 * services by hand: no database, no relay. What a test asserts is what would have gone to Kafka.
 */
public final class RecordingOutbox extends Outbox {

    /** One published event: its topic, its key and the envelope. */
    public record Published(String topic, String key, EventEnvelope event) {
        public String type() {
            return event.eventType();
        }
    }

    private final List<Published> published = new ArrayList<>();

    @Override
    public void publish(DomainEvent event, Instant occurredAt, UUID causationId) {
        published.add(new Published(event.topic(), event.key(), EventEnvelope.of(event, occurredAt, causationId)));
    }

    @Override
    public void send(String topic, String key, String payload, Map<String, String> headers) {
        throw new UnsupportedOperationException("only events published as envelopes are recorded");
    }

    public List<Published> published() {
        return List.copyOf(published);
    }

    /** The types of the events published, in order. */
    public List<String> types() {
        return published.stream().map(Published::type).toList();
    }
}
