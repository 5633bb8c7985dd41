package com.msaair.history.application;

import com.msaair.history.domain.TimelineEntry;
import com.msaair.history.domain.TimelineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Records timeline entries (in the consumer's transaction) and reads timelines. */
@ApplicationScoped
public class HistoryService {

    @Inject
    TimelineRepository timeline;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(TimelineEntry entry) {
        timeline.add(entry);
    }

    public List<TimelineEntry> ofCustomer(String customerId, int offset, int limit) {
        return timeline.ofCustomer(customerId, offset, limit);
    }

    public long countOfCustomer(String customerId) {
        return timeline.countOfCustomer(customerId);
    }
}
