package com.msaair.history.adapter.in.messaging;

import com.msaair.history.application.HistoryService;
import com.msaair.history.domain.EntryKind;
import com.msaair.history.domain.TimelineEntry;
import com.msaair.platform.domain.Money;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.inbox.EventTypes;
import com.msaair.platform.inbox.Inbox;
import com.msaair.platform.json.JsonFields;
import com.msaair.platform.security.CustomerIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the timeline from reservation-events, mileage-events and payment-events, one entry per event
 * that tells the customer something (a hold does not, and is ignored; its end does), through the
 * idempotent inbox; each event type is read by its own record below, only the members history needs (a
 * tolerant reader). Rebuilding the view is consuming the topics again from offset zero with a new
 * consumer group into an empty database (docs/events.md).
 */
@ApplicationScoped
public class HistoryConsumers {

    static final String RESERVATION_EVENTS = "reservation-events";
    static final String MILEAGE_EVENTS = "mileage-events";
    static final String PAYMENT_EVENTS = "payment-events";
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
        switch (event.eventType()) {
            case "ReservationCreated" -> {
                ReservationCreated created = ReservationCreated.read(event);
                history.record(created.booking().entry(event, EntryKind.BOOKED).departure(created.departureTime()).miles(created.miles(), null)
                        .amount(created.price().amount(), created.price().currency()).build());
            }
            case "ReservationCancelled" -> {
                ReservationCancelled cancelled = ReservationCancelled.read(event);
                history.record(cancelled.booking().entry(event, EntryKind.CANCELLED).reason(cancelled.reason())
                        .miles(cancelled.miles(), null).build());
            }
            case "ReservationReleased" -> {
                ReservationReleased released = ReservationReleased.read(event);
                EntryKind kind = "EXPIRED".equals(released.status()) ? EntryKind.HOLD_EXPIRED : EntryKind.PAYMENT_FAILED;
                history.record(released.booking().entry(event, kind).reason(released.reason()).build());
            }
            default -> throw MalformedEventException.unknownType(event.eventType(), RESERVATION_EVENTS);
        }
    }

    /** Refunds join the timeline with their amount; a capture and a decline are there already as BOOKED and PAYMENT_FAILED (ignored). */
    void onPaymentEvent(EventEnvelope event) {
        switch (event.eventType()) {
            case "PaymentRefunded" -> {
                PaymentRefunded refunded = PaymentRefunded.read(event);
                history.record(entry(event, refunded.customerId(), EntryKind.REFUNDED).reservation(refunded.reservationId())
                        .amount(refunded.amount().amount(), refunded.amount().currency()).build());
            }
            default -> throw MalformedEventException.unknownType(event.eventType(), PAYMENT_EVENTS);
        }
    }

    void onMileageEvent(EventEnvelope event) {
        switch (event.eventType()) {
            case "MileageIncreased", "MileageDecreased" -> {
                MileageChanged changed = MileageChanged.read(event);
                EntryKind kind = event.eventType().equals("MileageIncreased") ? EntryKind.MILES_ADDED : EntryKind.MILES_REMOVED;
                history.record(entry(event, changed.customerId(), kind).reservation(changed.reservationId())
                        .miles(changed.miles(), changed.balance()).build());
            }
            case "CustomerRegistered" -> {
                CustomerRegistered registered = CustomerRegistered.read(event);
                history.record(entry(event, registered.customerId(), EntryKind.REGISTERED).build());
            }
            default -> throw MalformedEventException.unknownType(event.eventType(), MILEAGE_EVENTS);
        }
    }

    private static TimelineEntry.Builder entry(EventEnvelope event, String customerId, EntryKind kind) {
        return TimelineEntry.builder(customerId, event.eventId().toString(), event.eventType(), kind, event.correlationId(), event.occurredAt());
    }

    /** What every reservation event tells about its booking; an event from before seats has none and still applies. */
    record Booking(String customerId, long reservationId, long scheduleId, String flightNumber, int passengers, List<String> seats) {

        private static final Pattern SEAT = Pattern.compile("[1-9][0-9]{0,2}[A-Z]");

        static Booking read(JsonFields data) {
            return new Booking(data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED),
                    data.requiredLong("reservationId", 1, Long.MAX_VALUE), data.requiredLong("scheduleId", 1, Long.MAX_VALUE),
                    data.requiredString("flightNumber", 10), data.requiredInt("passengers", 1, 1000),
                    data.optionalStrings("seats", 9, SEAT, "a seat like 12A").orElse(List.of()));
        }

        /** The booking's entry of {@code kind} for {@code event}, with what every booking entry shows. */
        TimelineEntry.Builder entry(EventEnvelope event, EntryKind kind) {
            return HistoryConsumers.entry(event, customerId, kind).booking(reservationId, scheduleId, flightNumber).passengers(passengers)
                    .seats(seats);
        }
    }

    record ReservationCreated(Booking booking, Instant departureTime, long miles, Money price) {

        static ReservationCreated read(EventEnvelope event) {
            return event.readData(data -> new ReservationCreated(Booking.read(data), data.requiredInstant("departureTime"),
                    data.requiredLong("miles", 0, Long.MAX_VALUE), data.requiredMoney("price", 0)));
        }
    }

    record ReservationCancelled(Booking booking, String reason, long miles) {

        static ReservationCancelled read(EventEnvelope event) {
            return event.readData(data -> new ReservationCancelled(Booking.read(data), data.requiredString("reason", 40),
                    data.requiredLong("miles", 0, Long.MAX_VALUE)));
        }
    }

    /** {@code status} EXPIRED (the hold ran out) or PAYMENT_FAILED ({@code reason}: the processor's). */
    record ReservationReleased(Booking booking, String reason, String status) {

        static ReservationReleased read(EventEnvelope event) {
            return event.readData(data -> new ReservationReleased(Booking.read(data), data.requiredString("reason", 64),
                    data.requiredString("status", 20)));
        }
    }

    record PaymentRefunded(String customerId, long reservationId, Money amount) {

        static PaymentRefunded read(EventEnvelope event) {
            return event.readData(data -> new PaymentRefunded(data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED),
                    data.requiredLong("reservationId", 1, Long.MAX_VALUE), data.requiredMoney("amount", 0)));
        }
    }

    /** A MileageIncreased or MileageDecreased: the booking's {@code miles} added or removed, and the balance after. */
    record MileageChanged(String customerId, long reservationId, long miles, long balance) {

        static MileageChanged read(EventEnvelope event) {
            return event.readData(data -> new MileageChanged(data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED),
                    data.requiredLong("reservationId", 1, Long.MAX_VALUE), data.requiredLong("miles", 0, Long.MAX_VALUE),
                    data.requiredLong("balance", Long.MIN_VALUE, Long.MAX_VALUE)));
        }
    }

    record CustomerRegistered(String customerId) {

        static CustomerRegistered read(EventEnvelope event) {
            return event.readData(data -> new CustomerRegistered(data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED)));
        }
    }
}
