package com.msaair.notification.adapter.in.messaging;

import com.msaair.notification.application.NotificationService;
import com.msaair.notification.domain.Messages;
import com.msaair.platform.domain.Money;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.inbox.EventConsumer;
import com.msaair.platform.inbox.EventHandler;
import com.msaair.platform.json.JsonFields;
import com.msaair.platform.security.CustomerIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A booking confirmed (with the amount paid), released unpaid (a failed payment, an expired hold) or
 * cancelled is told to its customer. A hold is nothing to tell yet (ignored): the customer hears when
 * it ends. Each event type is read by its own record below, only the members notification needs (a
 * tolerant reader).
 */
@ApplicationScoped
@EventConsumer(channel = "reservation-events", handles = {"ReservationCreated", "ReservationCancelled", "ReservationReleased"},
        ignores = "ReservationHeld")
public class ReservationEventsConsumer implements EventHandler {

    @Inject
    NotificationService notifications;

    @Override
    public void handle(EventEnvelope event) {
        Told told = switch (event.eventType()) {
            case "ReservationCreated" -> ReservationCreated.read(event);
            case "ReservationReleased" -> ReservationReleased.read(event);
            case "ReservationCancelled" -> ReservationCancelled.read(event);
            default -> throw MalformedEventException.unknownType(event.eventType());
        };
        notifications.notify(event, told.booking().customerId(), told.message());
    }

    /** A reservation event as its customer is told it. */
    sealed interface Told permits ReservationCreated, ReservationReleased, ReservationCancelled {

        Booking booking();

        String message();
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

    record ReservationCreated(Booking booking, Instant departureTime, int passengers, Money price) implements Told {

        static ReservationCreated read(EventEnvelope event) {
            return event.readData(data -> new ReservationCreated(Booking.read(data), data.requiredInstant("departureTime"),
                    data.requiredInt("passengers", 1, 1000), data.requiredMoney("price", 0)));
        }

        @Override
        public String message() {
            return Messages.reservationConfirmed(booking.reservationId(), booking.flightNumber(), departureTime, passengers, booking.seats(), price);
        }
    }

    /** {@code status} EXPIRED (the hold ran out) or PAYMENT_FAILED ({@code reason}: the processor's). */
    record ReservationReleased(Booking booking, String reason, String status) implements Told {

        static ReservationReleased read(EventEnvelope event) {
            return event.readData(data -> new ReservationReleased(Booking.read(data), data.requiredString("reason", 64),
                    data.requiredString("status", 20)));
        }

        @Override
        public String message() {
            return "EXPIRED".equals(status)
                    ? Messages.holdExpired(booking.reservationId(), booking.flightNumber(), booking.seats())
                    : Messages.paymentFailed(booking.reservationId(), booking.flightNumber(), reason, booking.seats());
        }
    }

    record ReservationCancelled(Booking booking, String reason) implements Told {

        static ReservationCancelled read(EventEnvelope event) {
            return event.readData(data -> new ReservationCancelled(Booking.read(data), data.requiredString("reason", 40)));
        }

        @Override
        public String message() {
            return Messages.reservationCancelled(booking.reservationId(), booking.flightNumber(), reason, booking.seats());
        }
    }
}
