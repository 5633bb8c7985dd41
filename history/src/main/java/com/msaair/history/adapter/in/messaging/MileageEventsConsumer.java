package com.msaair.history.adapter.in.messaging;

import com.msaair.history.application.HistoryService;
import com.msaair.history.domain.EntryKind;
import com.msaair.history.domain.TimelineEntry;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.inbox.EventConsumer;
import com.msaair.platform.inbox.EventHandler;
import com.msaair.platform.security.CustomerIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A customer's registration, and every mile added or removed with the balance after. */
@ApplicationScoped
@EventConsumer(channel = "mileage-events", handles = {"MileageIncreased", "MileageDecreased", "CustomerRegistered"})
public class MileageEventsConsumer implements EventHandler {

    @Inject
    HistoryService history;

    @Override
    public void handle(EventEnvelope event) {
        history.record(switch (event.eventType()) {
            case "MileageIncreased", "MileageDecreased" -> MileageChanged.read(event).entry(event);
            case "CustomerRegistered" -> TimelineEntries.of(event, CustomerRegistered.read(event).customerId(), EntryKind.REGISTERED).build();
            default -> throw MalformedEventException.unknownType(event.eventType());
        });
    }

    /** A MileageIncreased or MileageDecreased: the booking's {@code miles} added or removed, and the balance after. */
    record MileageChanged(String customerId, long reservationId, long miles, long balance) {

        static MileageChanged read(EventEnvelope event) {
            return event.readData(data -> new MileageChanged(data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED),
                    data.requiredLong("reservationId", 1, Long.MAX_VALUE), data.requiredLong("miles", 0, Long.MAX_VALUE),
                    data.requiredLong("balance", Long.MIN_VALUE, Long.MAX_VALUE)));
        }

        TimelineEntry entry(EventEnvelope event) {
            EntryKind kind = event.eventType().equals("MileageIncreased") ? EntryKind.MILES_ADDED : EntryKind.MILES_REMOVED;
            return TimelineEntries.of(event, customerId, kind).reservation(reservationId).miles(miles, balance).build();
        }
    }

    record CustomerRegistered(String customerId) {

        static CustomerRegistered read(EventEnvelope event) {
            return event.readData(data -> new CustomerRegistered(data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED)));
        }
    }
}
