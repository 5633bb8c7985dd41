package com.msaair.history.adapter.out.persistence;

import com.msaair.history.domain.TimelineEntry;
import com.msaair.history.domain.TimelineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Timelines in the service's own database, mapped in {@code META-INF/orm.xml}. */
@ApplicationScoped
public class JpaTimelineRepository implements TimelineRepository {

    @PersistenceContext
    EntityManager em;

    @Override
    public void add(TimelineEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<TimelineEntry> ofCustomer(String customerId, int offset, int limit) {
        return em.createQuery("SELECT e FROM TimelineEntry e WHERE e.customerId = :customer ORDER BY e.occurredAt DESC, e.eventId DESC",
                        TimelineEntry.class)
                .setParameter("customer", customerId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long countOfCustomer(String customerId) {
        return em.createQuery("SELECT COUNT(e) FROM TimelineEntry e WHERE e.customerId = :customer", Long.class)
                .setParameter("customer", customerId)
                .getSingleResult();
    }
}
