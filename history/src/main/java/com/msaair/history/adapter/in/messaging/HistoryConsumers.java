package com.msaair.history.adapter.in.messaging;

import com.msaair.platform.domain.Money;
import com.msaair.platform.security.CustomerIds;
import com.msaair.history.application.HistoryService;
import com.msaair.history.domain.EntryKind;
import com.msaair.history.domain.TimelineEntry;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.inbox.EventTypes;
import com.msaair.platform.inbox.Inbox;
import com.msaair.platform.json.JsonFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the timeline from reservation-events, mileage-events and payment-events, one entry per event
 * that tells the customer something (a hold does not, and is ignored; its end does), through the idempotent inbox. Rebuilding the view is consuming the topics again from offset zero with a new
 * consumer group into an empty database (see the README).
 */
@ApplicationScoped
public class HistoryConsumers {

    static final String RESERVATION_EVENTS = "reservation-events";
    static final String MILEAGE_EVENTS = "mileage-events";
    static final String PAYMENT_EVENTS = "payment-events";
    private static final Pattern SEAT = Pattern.compile("[1-9][0-9]{0,2}[A-Z]");
    static final EventTypes RESERVATION_TYPES = EventTypes.handling("ReservationCreated", "ReservationCancelled", "ReservationReleased")
            .ignoring("ReservationHeld");
    static final EventTypes MILEAGE_TYPES = EventTypes.handling("MileageIncreased", "MileageDecreased", "CustomerRegistered");
    static final EventTypes PAYMENT_TYPES = EventTypes.handling("PaymentRefunded").ignoring("PaymentCaptured", "PaymentDeclined");

    @Inject
    Inbox inbox;

    @Inject
    HistoryService history;

    void consume(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        inbox.consume(RESERVATION_EVENTS, RESERVATION_TYPES, this::onReservationEvent);
        inbox.consume(MILEAGE_EVENTS, MILEAGE_TYPES, this::onMileageEvent);
        inbox.consume(PAYMENT_EVENTS, PAYMENT_TYPES, this::onPaymentEvent);
    }

    void onReservationEvent(EventEnvelope event) {
        JsonFields data = JsonFields.tolerant(event.data());
        String customerId = data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED);
        long reservationId = data.requiredLong("reservationId", 1, Long.MAX_VALUE);
        long scheduleId = data.requiredLong("scheduleId", 1, Long.MAX_VALUE);
        String flightNumber = data.requiredString("flightNumber", 10);
        int passengers = data.requiredInt("passengers", 1, 1000);
        // What a booking's seats are; an event from before seats has none and still applies.
        List<String> seats = data.optionalStrings("seats", 9, SEAT, "a seat like 12A").orElse(List.of());
        TimelineEntry.Builder entry = switch (event.eventType()) {
            case "ReservationCreated" -> {
                var departure = data.requiredInstant("departureTime");
                long miles = data.requiredLong("miles", 0, Long.MAX_VALUE);
                Money price = data.requiredMoney("price", 0);
                data.validOrThrow(MalformedEventException::new);
                yield entry(event, customerId, EntryKind.BOOKED).departure(departure).miles(miles, null)
                        .amount(price.amount(), price.currency());
            }
            case "ReservationCancelled" -> {
                String reason = data.requiredString("reason", 40);
                long miles = data.requiredLong("miles", 0, Long.MAX_VALUE);
                data.validOrThrow(MalformedEventException::new);
                yield entry(event, customerId, EntryKind.CANCELLED).reason(reason).miles(miles, null);
            }
            case "ReservationReleased" -> {
                String reason = data.requiredString("reason", 64);
                String status = data.requiredString("status", 20);
                data.validOrThrow(MalformedEventException::new);
                yield entry(event, customerId, "EXPIRED".equals(status) ? EntryKind.HOLD_EXPIRED : EntryKind.PAYMENT_FAILED).reason(reason);
            }
            default -> throw new MalformedEventException("unknown event type " + event.eventType() + " on " + RESERVATION_EVENTS);
        };
        history.record(entry.booking(reservationId, scheduleId, flightNumber).passengers(passengers).seats(seats).build());
    }

    /** Refunds join the timeline with their amount; a capture and a decline are there already as BOOKED and PAYMENT_FAILED (ignored). */
    void onPaymentEvent(EventEnvelope event) {
        JsonFields data = JsonFields.tolerant(event.data());
        String customerId = data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED);
        switch (event.eventType()) {
            case "PaymentRefunded" -> {
                long reservationId = data.requiredLong("reservationId", 1, Long.MAX_VALUE);
                Money refund = data.requiredMoney("amount", 0);
                data.validOrThrow(MalformedEventException::new);
                history.record(entry(event, customerId, EntryKind.REFUNDED).reservation(reservationId)
                        .amount(refund.amount(), refund.currency()).build());
            }
            default -> throw new MalformedEventException("unknown event type " + event.eventType() + " on " + PAYMENT_EVENTS);
        }
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
