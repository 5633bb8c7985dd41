package com.msaair.history.adapter.out.persistence;

import com.msaair.history.domain.TimelineEntry;
import com.msaair.history.domain.TimelineRepository;
import com.msaair.platform.persistence.CustomerRows;
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
        return CustomerRows.page(em, TimelineEntry.class, customerId, "e.occurredAt DESC, e.eventId DESC", offset, limit);
    }

    @Override
    public long countOfCustomer(String customerId) {
        return CustomerRows.count(em, TimelineEntry.class, customerId);
    }
}
