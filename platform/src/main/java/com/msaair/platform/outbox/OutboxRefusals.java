package com.msaair.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Sets refused outbox rows aside (one transaction: copied, then deleted), counts them, lists them. */
@ApplicationScoped
public class OutboxRefusals {

    /** Exported to Prometheus as {@code msaair_outbox_refused_total}. */
    static final String COUNTER = "msaair_outbox_refused";

    @PersistenceContext
    EntityManager em;

    @Inject
    MetricRegistry metrics;

    /** Makes the counter exist from the start (at 0), so that an alert on it has a series to watch. */
    public void registerMetrics() {
        refusedCounter();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void setAside(OutboxMessage message, String reason, Instant now) {
        OutboxMessage row = em.find(OutboxMessage.class, message.id());
        if (row == null) {
            return; // already sent or set aside by another replica
        }
        em.persist(new RefusedOutboxMessage(row, reason, now));
        em.remove(row);
        refusedCounter().inc();
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public List<RefusedOutboxMessage.View> list(int offset, int limit) {
        return em.createQuery("SELECT r FROM RefusedOutboxMessage r ORDER BY r.id DESC", RefusedOutboxMessage.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(RefusedOutboxMessage::view).toList();
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public long count() {
        return em.createQuery("SELECT COUNT(r) FROM RefusedOutboxMessage r", Long.class).getSingleResult();
    }

    private Counter refusedCounter() {
        return metrics.counter(COUNTER);
    }
}
