package com.msaair.payment.adapter.in.messaging;

import com.msaair.payment.application.BookingPayments;
import com.msaair.payment.application.PayReservation;
import com.msaair.payment.domain.PaymentMethods;
import com.msaair.platform.domain.Money;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.inbox.EventConsumer;
import com.msaair.platform.inbox.EventHandler;
import com.msaair.platform.security.CustomerIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * What becomes of bookings, from reservation-events: ReservationHeld opens the payment (so the charge
 * goes on in the background whatever happened to the booking's own call), ReservationReleased and
 * ReservationCancelled end it (void, or refund what the fare rule gives back). ReservationCreated —
 * a confirmation, which follows a capture — asks nothing of payments. Each event type is read by its own
 * record below, only the members payment needs (a tolerant reader).
 */
@ApplicationScoped
@EventConsumer(channel = "reservation-events", handles = {"ReservationHeld", "ReservationReleased", "ReservationCancelled"},
        ignores = "ReservationCreated")
public class ReservationEventsConsumer implements EventHandler {


    @Inject
    BookingPayments bookings;

    @Override
    public void handle(EventEnvelope event) {
        switch (event.eventType()) {
            case "ReservationHeld" -> {
                ReservationHeld held = ReservationHeld.read(event);
                bookings.held(new PayReservation(held.reservationId(), held.customerId(), held.price(), held.paymentMethod(),
                        held.captureBefore()), event.occurredAt());
            }
            case "ReservationReleased" -> {
                ReservationReleased released = ReservationReleased.read(event);
                bookings.ended(released.reservationId(), released.price()); // never confirmed: anything captured goes back in full
            }
            case "ReservationCancelled" -> {
                ReservationCancelled cancelled = ReservationCancelled.read(event);
                bookings.ended(cancelled.reservationId(), cancelled.refund());
            }
            default -> throw MalformedEventException.unknownType(event.eventType());
        }
    }

    /** The terms of the booking's payment: whose, how much, how, and until when it may be charged. */
    record ReservationHeld(long reservationId, String customerId, Money price, String paymentMethod, Instant captureBefore) {

        static ReservationHeld read(EventEnvelope event) {
            return event.readData(data -> new ReservationHeld(data.requiredLong("reservationId", 1, Long.MAX_VALUE),
                    data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED), data.requiredMoney("price", 0),
                    data.requiredString("paymentMethod", PaymentMethods.FORMAT, PaymentMethods.EXPECTED), data.requiredInstant("captureBefore")));
        }
    }

    record ReservationReleased(long reservationId, Money price) {

        static ReservationReleased read(EventEnvelope event) {
            return event.readData(data -> new ReservationReleased(data.requiredLong("reservationId", 1, Long.MAX_VALUE),
                    data.requiredMoney("price", 0)));
        }
    }

    /** {@code refund}: what the fare rule gives back of what was paid. */
    record ReservationCancelled(long reservationId, Money refund) {

        static ReservationCancelled read(EventEnvelope event) {
            return event.readData(data -> new ReservationCancelled(data.requiredLong("reservationId", 1, Long.MAX_VALUE),
                    data.requiredMoney("refund", 0)));
        }
    }
}
