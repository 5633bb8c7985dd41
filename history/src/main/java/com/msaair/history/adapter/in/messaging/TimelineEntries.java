package com.msaair.history.adapter.in.messaging;

import com.msaair.history.domain.EntryKind;
import com.msaair.history.domain.TimelineEntry;
import com.msaair.platform.event.EventEnvelope;

/** A timeline entry begins as the event that makes it: its id, type, flow and time. */
final class TimelineEntries {

    private TimelineEntries() {}

    static TimelineEntry.Builder of(EventEnvelope event, String customerId, EntryKind kind) {
        return TimelineEntry.builder(customerId, event.eventId().toString(), event.eventType(), kind, event.correlationId(), event.occurredAt());
    }
}
