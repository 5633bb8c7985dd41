package com.msaair.history.application;

import com.msaair.history.domain.TimelineEntry;
import com.msaair.history.domain.TimelineRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Timelines in memory, in the order the port promises: newest first by when it happened, the event id breaking ties. */
public final class InMemoryTimeline implements TimelineRepository {

    private final List<TimelineEntry> entries = new ArrayList<>();

    /** The history service over this timeline, built by hand (also for tests outside its package). */
    public HistoryService service() {
        HistoryService service = new HistoryService();
        service.timeline = this;
        return service;
    }

    @Override
    public void add(TimelineEntry entry) {
        entries.add(entry);
    }

    @Override
    public List<TimelineEntry> ofCustomer(String customerId, int offset, int limit) {
        return entries.stream().filter(e -> e.customerId().equals(customerId))
                .sorted(Comparator.comparing(TimelineEntry::occurredAt).thenComparing(TimelineEntry::eventId).reversed())
                .skip(offset).limit(limit).toList();
    }

    @Override
    public long countOfCustomer(String customerId) {
        return entries.stream().filter(e -> e.customerId().equals(customerId)).count();
    }
}
