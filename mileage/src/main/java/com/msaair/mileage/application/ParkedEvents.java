package com.msaair.mileage.application;

import com.msaair.platform.event.EventEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reservation events this service could not apply because it does not know the customer (a port).
 * They are kept for an operator, who can see them and retry them once the customer exists; they are
 * never dropped and never silently attached to whoever registers next.
 */
public interface ParkedEvents {

    record Parked(long id, String eventId, String eventType, String customerId, long reservationId, String reason,
            Instant parkedAt, Instant resolvedAt, String event) {}

    void park(EventEnvelope event, String customerId, long reservationId, String reason, Instant at);

    List<Parked> unresolved(int offset, int limit);

    long countUnresolved();

    Optional<Parked> find(long id);

    void resolve(long id, Instant at);
}
