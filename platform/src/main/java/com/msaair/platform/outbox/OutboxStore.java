package com.msaair.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The relay's database work, each step in a short transaction of its own. */
@ApplicationScoped
public class OutboxStore {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRED)
    public List<OutboxMessage> pending(int limit) {
        return em.createQuery("SELECT m FROM OutboxMessage m WHERE m.publishedAt IS NULL ORDER BY m.id", OutboxMessage.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Marks the rows just acknowledged as published and fetches the next ones, in one transaction:
     * one commit per batch instead of two.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OutboxMessage> markPublishedAndFetch(List<Long> published, Instant at, int limit) {
        markPublished(published, at);
        return pending(limit);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void markPublished(List<Long> ids, Instant at) {
        // One statement, run once per row: an IN list of varying length would be a new statement for
        // Derby to compile for every batch size.
        var mark = em.createQuery("UPDATE OutboxMessage m SET m.publishedAt = :at WHERE m.id = :id").setParameter("at", at);
        for (Long id : ids) {
            mark.setParameter("id", id).executeUpdate();
        }
    }

    /** Published rows are kept for a while for inspection, then removed so the table stays small. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deletePublishedBefore(Instant cutoff) {
        return em.createQuery("DELETE FROM OutboxMessage m WHERE m.publishedAt IS NOT NULL AND m.publishedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
