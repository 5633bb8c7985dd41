package com.msaair.notification.adapter.in.messaging;

import com.msaair.notification.application.NotificationService;
import com.msaair.notification.domain.Messages;
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
 * Every reservation status change (confirmed with the amount paid, a failed payment, an expired hold, a
 * cancellation), every refund and every mileage change becomes one notification to its customer;
 * CustomerRegistered tells how to reach them. A hold is nothing to tell yet (ignored): the customer hears
 * when it ends. Each topic is its own channel, through the idempotent inbox; each event type is read by
 * its own record below, only the members notification needs (a tolerant reader).
 */
@ApplicationScoped
public class NotificationConsumers {

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
    NotificationService notifications;

    void consume(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        inbox.consume(RESERVATION_EVENTS, RESERVATION_TYPES, this::onReservationEvent);
        inbox.consume(MILEAGE_EVENTS, MILEAGE_TYPES, this::onMileageEvent);
        inbox.consume(PAYMENT_EVENTS, PAYMENT_TYPES, this::onPaymentEvent);
    }

    void onReservationEvent(EventEnvelope event) {
        switch (event.eventType()) {
            case "ReservationCreated" -> {
                ReservationCreated created = ReservationCreated.read(event);
                Booking b = created.booking();
                notifications.notify(event, b.customerId(), Messages.reservationConfirmed(b.reservationId(), b.flightNumber(),
                        created.departureTime(), created.passengers(), b.seats(), created.price()));
            }
            case "ReservationReleased" -> {
                ReservationReleased released = ReservationReleased.read(event);
                Booking b = released.booking();
                notifications.notify(event, b.customerId(), "EXPIRED".equals(released.status())
                        ? Messages.holdExpired(b.reservationId(), b.flightNumber(), b.seats())
                        : Messages.paymentFailed(b.reservationId(), b.flightNumber(), released.reason(), b.seats()));
            }
            case "ReservationCancelled" -> {
                ReservationCancelled cancelled = ReservationCancelled.read(event);
                Booking b = cancelled.booking();
                notifications.notify(event, b.customerId(),
                        Messages.reservationCancelled(b.reservationId(), b.flightNumber(), cancelled.reason(), b.seats()));
            }
            default -> throw MalformedEventException.unknownType(event.eventType(), RESERVATION_EVENTS);
        }
    }

    /** A refund is told; a capture or a decline is told by the booking's own event (confirmed with the amount, or released): ignored. */
    void onPaymentEvent(EventEnvelope event) {
        switch (event.eventType()) {
            case "PaymentRefunded" -> {
                PaymentRefunded refunded = PaymentRefunded.read(event);
                notifications.notify(event, refunded.customerId(), Messages.refunded(refunded.reservationId(), refunded.amount()));
            }
            default -> throw MalformedEventException.unknownType(event.eventType(), PAYMENT_EVENTS);
        }
    }

    void onMileageEvent(EventEnvelope event) {
        switch (event.eventType()) {
            case "MileageIncreased", "MileageDecreased" -> {
                MileageChanged changed = MileageChanged.read(event);
                notifications.notify(event, changed.customerId(), event.eventType().equals("MileageIncreased")
                        ? Messages.milesAdded(changed.miles(), changed.balance())
                        : Messages.milesRemoved(changed.miles(), changed.balance()));
            }
            case "CustomerRegistered" -> {
                CustomerRegistered registered = CustomerRegistered.read(event);
                notifications.contactRegistered(registered.customerId(), registered.name(), registered.email());
            }
            default -> throw MalformedEventException.unknownType(event.eventType(), MILEAGE_EVENTS);
        }
    }

    /** What every reservation event tells about its booking; an event from before seats has none and is still told. */
    record Booking(long reservationId, String customerId, String flightNumber, List<String> seats) {

        private static final Pattern SEAT = Pattern.compile("[1-9][0-9]{0,2}[A-Z]");

        static Booking read(JsonFields data) {
            return new Booking(data.requiredLong("reservationId", 1, Long.MAX_VALUE),
                    data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED), data.requiredString("flightNumber", 10),
                    data.optionalStrings("seats", 9, SEAT, "a seat like 12A").orElse(List.of()));
        }
    }

    record ReservationCreated(Booking booking, Instant departureTime, int passengers, Money price) {

        static ReservationCreated read(EventEnvelope event) {
            return event.readData(data -> new ReservationCreated(Booking.read(data), data.requiredInstant("departureTime"),
                    data.requiredInt("passengers", 1, 1000), data.requiredMoney("price", 0)));
        }
    }

    /** {@code status} EXPIRED (the hold ran out) or PAYMENT_FAILED ({@code reason}: the processor's). */
    record ReservationReleased(Booking booking, String reason, String status) {

        static ReservationReleased read(EventEnvelope event) {
            return event.readData(data -> new ReservationReleased(Booking.read(data), data.requiredString("reason", 64),
                    data.requiredString("status", 20)));
        }
    }

    record ReservationCancelled(Booking booking, String reason) {

        static ReservationCancelled read(EventEnvelope event) {
            return event.readData(data -> new ReservationCancelled(Booking.read(data), data.requiredString("reason", 40)));
        }
    }

    record PaymentRefunded(String customerId, long reservationId, Money amount) {

        static PaymentRefunded read(EventEnvelope event) {
            return event.readData(data -> new PaymentRefunded(data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED),
                    data.requiredLong("reservationId", 1, Long.MAX_VALUE), data.requiredMoney("amount", 0)));
        }
    }

    /** A MileageIncreased or MileageDecreased: {@code miles} added or removed, and the balance after. */
    record MileageChanged(String customerId, long miles, long balance) {

        static MileageChanged read(EventEnvelope event) {
            return event.readData(data -> new MileageChanged(data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED),
                    data.requiredLong("miles", 0, Long.MAX_VALUE), data.requiredLong("balance", Long.MIN_VALUE, Long.MAX_VALUE)));
        }
    }

    record CustomerRegistered(String customerId, String name, String email) {

        static CustomerRegistered read(EventEnvelope event) {
            return event.readData(data -> new CustomerRegistered(data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED),
                    data.requiredString("name", 100), data.requiredString("email", 254)));
        }
    }
}
