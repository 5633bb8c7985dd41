package com.msaair.history.adapter.out.persistence;

import com.msaair.history.domain.TimelineEntry;
import com.msaair.history.domain.TimelineRepository;
import com.msaair.platform.persistence.CustomerOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Timelines in the service's own database, mapped in {@code META-INF/orm.xml}. */
@ApplicationScoped
public class JpaTimelineRepository extends CustomerOwnedRepository<TimelineEntry> implements TimelineRepository {

    public JpaTimelineRepository() {
        super("e.occurredAt DESC, e.eventId DESC");
    }

    @Override
    public void add(TimelineEntry entry) {
        em.persist(entry);
    }
}
