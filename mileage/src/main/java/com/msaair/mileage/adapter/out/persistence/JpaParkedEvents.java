package com.msaair.mileage.adapter.out.persistence;

import com.msaair.mileage.application.ParkedEvents;
import com.msaair.platform.event.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaParkedEvents implements ParkedEvents {

    @PersistenceContext
    EntityManager em;

    @Override
    public void park(EventEnvelope event, String customerId, long reservationId, String reason, Instant at) {
        ParkedEventRecord record = new ParkedEventRecord();
        record.eventId = event.eventId().toString();
        record.eventType = event.eventType();
        record.customerId = customerId;
        record.reservationId = reservationId;
        record.reason = reason;
        record.event = event.toJson();
        record.parkedAt = at;
        em.persist(record);
    }

    @Override
    public List<Parked> unresolved(int offset, int limit) {
        return em.createQuery("SELECT p FROM ParkedEventRecord p WHERE p.resolvedAt IS NULL ORDER BY p.id", ParkedEventRecord.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(JpaParkedEvents::toParked)
                .toList();
    }

    @Override
    public long countUnresolved() {
        return em.createQuery("SELECT COUNT(p) FROM ParkedEventRecord p WHERE p.resolvedAt IS NULL", Long.class).getSingleResult();
    }

    @Override
    public Optional<Parked> find(long id) {
        return Optional.ofNullable(em.find(ParkedEventRecord.class, id)).map(JpaParkedEvents::toParked);
    }

    @Override
    public void resolve(long id, Instant at) {
        em.find(ParkedEventRecord.class, id).resolvedAt = at;
    }

    private static Parked toParked(ParkedEventRecord r) {
        return new Parked(r.id, r.eventId, r.eventType, r.customerId, r.reservationId, r.reason, r.parkedAt, r.resolvedAt, r.event);
    }
}
