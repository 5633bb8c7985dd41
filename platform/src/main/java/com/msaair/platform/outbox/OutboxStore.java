package com.msaair.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The relay's database work, each step in a short transaction of its own. */
@ApplicationScoped
public class OutboxStore {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRED)
    public List<OutboxMessage> pending(int limit) {
        return em.createQuery("SELECT m FROM OutboxMessage m ORDER BY m.id", OutboxMessage.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many rows wait to be published, and when the oldest was written (null when none waits). */
    public record Waiting(long count, java.time.Instant oldest) {}

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Waiting waiting() {
        long count = em.createQuery("SELECT COUNT(m) FROM OutboxMessage m", Long.class).getSingleResult();
        // The lowest id is the oldest row: the relay publishes in id order.
        List<java.time.Instant> oldest = em.createQuery("SELECT m.createdAt FROM OutboxMessage m ORDER BY m.id", java.time.Instant.class)
                .setMaxResults(1).getResultList();
        return new Waiting(count, oldest.isEmpty() ? null : oldest.get(0));
    }

    /**
     * Removes the rows just acknowledged and fetches the next ones, in one transaction: one commit
     * per batch instead of two.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OutboxMessage> removePublishedAndFetch(List<Long> published, int limit) {
        removePublished(published);
        return pending(limit);
    }

    /**
     * A published row is deleted at once rather than kept: the event now lives in Kafka, and a table
     * holding only what is still to be sent keeps the relay's fetch cheap however long the service
     * runs (Derby scanned every kept row to find the pending ones, a cost growing with the traffic).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void removePublished(List<Long> ids) {
        // One statement, run once per row: an IN list of varying length would be a new statement for
        // Derby to compile for every batch size.
        var delete = em.createQuery("DELETE FROM OutboxMessage m WHERE m.id = :id");
        for (Long id : ids) {
            delete.setParameter("id", id).executeUpdate();
        }
    }
}
