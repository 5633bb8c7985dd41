package com.msaair.history.adapter.in.messaging;

import com.msaair.platform.security.CustomerIds;
import com.msaair.history.application.HistoryService;
import com.msaair.history.domain.EntryKind;
import com.msaair.history.domain.TimelineEntry;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.inbox.Inbox;
import com.msaair.platform.json.JsonFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Subscriber;

/**
 * Builds the timeline from reservation-events and mileage-events, one entry per event, through the
 * idempotent inbox. Rebuilding the view is consuming the topics again from offset zero with a new
 * consumer group into an empty database (see the README).
 */
@ApplicationScoped
public class HistoryConsumers {

    static final String RESERVATION_EVENTS = "reservation-events";
    static final String MILEAGE_EVENTS = "mileage-events";

    @Inject
    Inbox inbox;

    @Inject
    HistoryService history;

    @Incoming(RESERVATION_EVENTS)
    public Subscriber<Message<byte[]>> reservationEvents() {
        return inbox.subscriber(RESERVATION_EVENTS, this::onReservationEvent);
    }

    @Incoming(MILEAGE_EVENTS)
    public Subscriber<Message<byte[]>> mileageEvents() {
        return inbox.subscriber(MILEAGE_EVENTS, this::onMileageEvent);
    }

    void onReservationEvent(EventEnvelope event) {
        JsonFields data = JsonFields.tolerant(event.data());
        String customerId = data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED);
        long reservationId = data.requiredLong("reservationId", 1, Long.MAX_VALUE);
        long scheduleId = data.requiredLong("scheduleId", 1, Long.MAX_VALUE);
        String flightNumber = data.requiredString("flightNumber", 10);
        int passengers = data.requiredInt("passengers", 1, 1000);
        long miles = data.requiredLong("miles", 0, Long.MAX_VALUE);
        TimelineEntry.Builder entry = switch (event.eventType()) {
            case "ReservationCreated" -> {
                var departure = data.requiredInstant("departureTime");
                data.validOrThrow(MalformedEventException::new);
                yield entry(event, customerId, EntryKind.BOOKED).departure(departure);
            }
            case "ReservationCancelled" -> {
                String reason = data.requiredString("reason", 40);
                data.validOrThrow(MalformedEventException::new);
                yield entry(event, customerId, EntryKind.CANCELLED).reason(reason);
            }
            default -> throw new MalformedEventException("unknown event type " + event.eventType() + " on " + RESERVATION_EVENTS);
        };
        history.record(entry.booking(reservationId, scheduleId, flightNumber).passengers(passengers).miles(miles, null).build());
    }

    void onMileageEvent(EventEnvelope event) {
        JsonFields data = JsonFields.tolerant(event.data());
        String customerId = data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED);
        switch (event.eventType()) {
            case "MileageIncreased", "MileageDecreased" -> {
                long reservationId = data.requiredLong("reservationId", 1, Long.MAX_VALUE);
                long miles = data.requiredLong("miles", 0, Long.MAX_VALUE);
                long balance = data.requiredLong("balance", Long.MIN_VALUE, Long.MAX_VALUE);
                data.validOrThrow(MalformedEventException::new);
                EntryKind kind = event.eventType().equals("MileageIncreased") ? EntryKind.MILES_ADDED : EntryKind.MILES_REMOVED;
                history.record(entry(event, customerId, kind).reservation(reservationId).miles(miles, balance).build());
            }
            case "CustomerRegistered" -> {
                data.validOrThrow(MalformedEventException::new);
                history.record(entry(event, customerId, EntryKind.REGISTERED).build());
            }
            default -> throw new MalformedEventException("unknown event type " + event.eventType() + " on " + MILEAGE_EVENTS);
        }
    }

    private static TimelineEntry.Builder entry(EventEnvelope event, String customerId, EntryKind kind) {
        return TimelineEntry.builder(customerId, event.eventId().toString(), event.eventType(), kind, event.correlationId(), event.occurredAt());
    }
}
