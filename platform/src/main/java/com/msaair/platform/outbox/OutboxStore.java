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

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OutboxMessage> pending(int limit) {
        return em.createQuery("SELECT m FROM OutboxMessage m WHERE m.publishedAt IS NULL ORDER BY m.id", OutboxMessage.class)
                .setMaxResults(limit)
                .getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markPublished(List<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            em.createQuery("UPDATE OutboxMessage m SET m.publishedAt = :at WHERE m.id IN :ids")
                    .setParameter("at", at)
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long countPending() {
        return em.createQuery("SELECT COUNT(m) FROM OutboxMessage m WHERE m.publishedAt IS NULL", Long.class).getSingleResult();
    }

    /** Published rows are kept for a while for inspection, then removed so the table stays small. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deletePublishedBefore(Instant cutoff) {
        return em.createQuery("DELETE FROM OutboxMessage m WHERE m.publishedAt IS NOT NULL AND m.publishedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
