package com.msaair.platform.outbox;

import com.msaair.platform.json.JsonSupport;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.tracing.MessageTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** Publishes {@code event} to {@code topic}, keyed by {@code key} (so one key's events stay in order). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, String key, EventEnvelope event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HEADER_EVENT_TYPE, event.eventType());
        headers.put(HEADER_EVENT_ID, event.eventId().toString());
        headers.put(HEADER_CORRELATION_ID, event.correlationId());
        send(topic, key, event.toJson(), headers);
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
