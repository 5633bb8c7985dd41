package com.msaair.platform.outbox;

import com.msaair.platform.domain.DomainEvent;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.json.JsonSupport;
import com.msaair.platform.tracing.MessageTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Where a service writes what it wants published. Writing happens inside the caller's transaction,
 * so an event exists if and only if the state change it describes was committed; the
 * {@link OutboxRelay} takes it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    public static final String HEADER_EVENT_TYPE = "eventType";
    public static final String HEADER_EVENT_ID = "eventId";
    public static final String HEADER_CORRELATION_ID = "correlationId";

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<OutboxAppended> appended;

    @Inject
    Clock clock;

    @Inject
    MessageTracing tracing;

    /** Publishes {@code event}, which happened at {@code occurredAt}, to its topic under its key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(DomainEvent event, Instant occurredAt) {
        publish(event, occurredAt, null);
    }

    /** Publishes {@code event}, which happened at {@code occurredAt} in reaction to the event {@code causationId}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(DomainEvent event, Instant occurredAt, UUID causationId) {
        EventEnvelope envelope = EventEnvelope.of(event, occurredAt, causationId);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HEADER_EVENT_TYPE, envelope.eventType());
        headers.put(HEADER_EVENT_ID, envelope.eventId().toString());
        headers.put(HEADER_CORRELATION_ID, envelope.correlationId());
        send(event.topic(), event.key(), envelope.toJson(), headers);
    }

    /**
     * Sends any payload, e.g. a message parked on a dead-letter topic with its reason in the headers.
     * The current trace context goes with it (see {@link MessageTracing}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(String topic, String key, String payload, Map<String, String> headers) {
        Map<String, String> traced = new LinkedHashMap<>(headers);
        tracing.writeCurrentContext(traced);
        JsonObjectBuilder json = JsonSupport.objectBuilder();
        traced.forEach((name, value) -> json.add(name, value == null ? "" : value));
        em.persist(new OutboxMessage(topic, key, payload, json.build().toString(), clock.instant()));
        appended.fire(new OutboxAppended());
    }
}
