package com.msaair.history.domain;

import java.util.List;

/** Customers' timelines (a port). */
public interface TimelineRepository {

    void add(TimelineEntry entry);

    /** Newest first (by when it happened; the event id breaks ties, so a rebuilt view orders the same way). */
    List<TimelineEntry> ofCustomer(String customerId, int offset, int limit);

    long countOfCustomer(String customerId);
}
