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
            default -> throw MalformedEventException.unknownType(event.eventType());
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
}
