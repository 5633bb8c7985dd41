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

    /**
     * Takes or renews the relay lease for {@code holder} until {@code until}. True when this
     * replica holds it; false when another replica's lease is still running.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean holdLease(String holder, Instant now, Instant until) {
        int updated = em.createQuery("UPDATE OutboxLease l SET l.holder = :holder, l.expiresAt = :until"
                        + " WHERE l.id = :id AND (l.holder = :holder OR l.expiresAt < :now)")
                .setParameter("holder", holder)
                .setParameter("until", until)
                .setParameter("now", now)
                .setParameter("id", OutboxLease.THE_LEASE)
                .executeUpdate();
        if (updated == 1) {
            return true;
        }
        if (em.find(OutboxLease.class, OutboxLease.THE_LEASE) != null) {
            return false;
        }
        // First relay ever on this database; a replica racing us makes this commit fail, and it holds the lease.
        em.persist(new OutboxLease(holder, until));
        return true;
    }

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
