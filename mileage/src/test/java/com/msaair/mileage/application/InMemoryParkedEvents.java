package com.msaair.mileage.application;

import com.msaair.platform.event.EventEnvelope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parked reservation events in memory, kept as the database keeps them: the event as JSON. */
final class InMemoryParkedEvents implements ParkedEvents {

    private final Map<Long, Parked> byId = new LinkedHashMap<>();

    @Override
    public void park(EventEnvelope event, String customerId, long reservationId, String reason, Instant at) {
        long id = byId.size() + 1L;
        byId.put(id, new Parked(id, event.eventId().toString(), event.eventType(), customerId, reservationId, reason, at, null, event.toJson()));
    }

    @Override
    public List<Parked> unresolved(int offset, int limit) {
        return byId.values().stream().filter(p -> p.resolvedAt() == null).skip(offset).limit(limit).toList();
    }

    @Override
    public long countUnresolved() {
        return byId.values().stream().filter(p -> p.resolvedAt() == null).count();
    }

    @Override
    public Optional<Parked> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public void resolve(long id, Instant at) {
        Parked p = byId.get(id);
        byId.put(id, new Parked(p.id(), p.eventId(), p.eventType(), p.customerId(), p.reservationId(), p.reason(), p.parkedAt(), at, p.event()));
    }
}
