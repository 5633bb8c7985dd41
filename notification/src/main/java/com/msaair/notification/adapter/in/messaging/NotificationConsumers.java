package com.msaair.notification.adapter.in.messaging;

import com.msaair.platform.security.CustomerIds;
import com.msaair.notification.application.NotificationService;
import com.msaair.notification.domain.Messages;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.inbox.EventTypes;
import com.msaair.platform.inbox.Inbox;
import com.msaair.platform.json.JsonFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import com.msaair.platform.domain.Money;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every reservation status change (confirmed with the amount paid, a failed payment, an expired hold, a
 * cancellation), every refund and every mileage change becomes one notification to its customer;
 * CustomerRegistered tells how to reach them. A hold is nothing to tell yet (ignored): the customer hears
 * when it ends. Each topic is its own channel, through the idempotent inbox.
 */
@ApplicationScoped
public class NotificationConsumers {

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
    NotificationService notifications;

    void consume(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        inbox.consume(RESERVATION_EVENTS, RESERVATION_TYPES, this::onReservationEvent);
        inbox.consume(MILEAGE_EVENTS, MILEAGE_TYPES, this::onMileageEvent);
        inbox.consume(PAYMENT_EVENTS, PAYMENT_TYPES, this::onPaymentEvent);
    }

    void onReservationEvent(EventEnvelope event) {
        JsonFields data = JsonFields.tolerant(event.data());
        long reservationId = data.requiredLong("reservationId", 1, Long.MAX_VALUE);
        String customerId = data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED);
        String flightNumber = data.requiredString("flightNumber", 10);
        // The booking's seats; an event from before seats has none and is still told.
        List<String> seats = data.optionalStrings("seats", 9, SEAT, "a seat like 12A").orElse(List.of());
        String message = switch (event.eventType()) {
            case "ReservationCreated" -> {
                Instant departure = data.requiredInstant("departureTime");
                int passengers = data.requiredInt("passengers", 1, 1000);
                Money price = data.requiredMoney("price", 0);
                data.validOrThrow(MalformedEventException::new);
                yield Messages.reservationConfirmed(reservationId, flightNumber, departure, passengers, seats, price);
            }
            case "ReservationReleased" -> {
                String reason = data.requiredString("reason", 64);
                String status = data.requiredString("status", 20);
                data.validOrThrow(MalformedEventException::new);
                yield "EXPIRED".equals(status) ? Messages.holdExpired(reservationId, flightNumber, seats)
                        : Messages.paymentFailed(reservationId, flightNumber, reason, seats);
            }
            case "ReservationCancelled" -> {
                String reason = data.requiredString("reason", 40);
                data.validOrThrow(MalformedEventException::new);
                yield Messages.reservationCancelled(reservationId, flightNumber, reason, seats);
            }
            default -> throw new MalformedEventException("unknown event type " + event.eventType() + " on " + RESERVATION_EVENTS);
        };
        notifications.notify(event, customerId, message);
    }

    /** A refund is told; a capture or a decline is told by the booking's own event (confirmed with the amount, or released): ignored. */
    void onPaymentEvent(EventEnvelope event) {
        JsonFields data = JsonFields.tolerant(event.data());
        String customerId = data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED);
        switch (event.eventType()) {
            case "PaymentRefunded" -> {
                long reservationId = data.requiredLong("reservationId", 1, Long.MAX_VALUE);
                Money refund = data.requiredMoney("amount", 0);
                data.validOrThrow(MalformedEventException::new);
                notifications.notify(event, customerId, Messages.refunded(reservationId, refund));
            }
            default -> throw new MalformedEventException("unknown event type " + event.eventType() + " on " + PAYMENT_EVENTS);
        }
    }

    void onMileageEvent(EventEnvelope event) {
        JsonFields data = JsonFields.tolerant(event.data());
        String customerId = data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED);
        switch (event.eventType()) {
            case "MileageIncreased", "MileageDecreased" -> {
                long miles = data.requiredLong("miles", 0, Long.MAX_VALUE);
                long balance = data.requiredLong("balance", Long.MIN_VALUE, Long.MAX_VALUE);
                data.validOrThrow(MalformedEventException::new);
                notifications.notify(event, customerId, event.eventType().equals("MileageIncreased")
                        ? Messages.milesAdded(miles, balance)
                        : Messages.milesRemoved(miles, balance));
            }
            case "CustomerRegistered" -> {
                String name = data.requiredString("name", 100);
                String email = data.requiredString("email", 254);
                data.validOrThrow(MalformedEventException::new);
                notifications.contactRegistered(customerId, name, email);
            }
            default -> throw new MalformedEventException("unknown event type " + event.eventType() + " on " + MILEAGE_EVENTS);
        }
    }
}
