package com.msaair.reservation.adapter.in.messaging;

import com.msaair.platform.domain.Money;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.inbox.EventConsumer;
import com.msaair.platform.inbox.EventHandler;
import com.msaair.platform.security.CustomerIds;
import com.msaair.reservation.application.HoldSettlement;
import com.msaair.reservation.domain.ReservationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Payment events end holds the booking's own call could not: a capture of the booking's price from its
 * customer confirms a held booking (any other capture confirms nothing), a decline releases it
 * (PAYMENT_FAILED, seats back). A booking that is no longer held (confirmed by its own call already, or
 * released) is left as it is; the payment service refunds whatever it captured for a booking that was
 * released. A refund asks nothing of bookings. Each event type is read by its own record below, only the
 * members reservation needs (a tolerant reader).
 */
@ApplicationScoped
@EventConsumer(channel = "payment-events", handles = {"PaymentCaptured", "PaymentDeclined"}, ignores = "PaymentRefunded")
public class PaymentEventsConsumer implements EventHandler {


    @Inject
    HoldSettlement holds;

    @Override
    public void handle(EventEnvelope event) {
        switch (event.eventType()) {
            case "PaymentCaptured" -> {
                PaymentCaptured captured = PaymentCaptured.read(event);
                holds.captured(captured.reservationId(), captured.amount(), captured.payer(), event.eventId());
            }
            case "PaymentDeclined" -> {
                PaymentDeclined declined = PaymentDeclined.read(event);
                holds.release(declined.reservationId(), ReservationStatus.PAYMENT_FAILED, declined.reason(), event.eventId());
            }
            default -> throw MalformedEventException.unknownType(event.eventType());
        }
    }

    /** What was captured, and from whom: a capture confirms only the booking it pays in full. */
    record PaymentCaptured(long reservationId, Money amount, String payer) {

        static PaymentCaptured read(EventEnvelope event) {
            return event.readData(data -> new PaymentCaptured(data.requiredLong("reservationId", 1, Long.MAX_VALUE),
                    data.requiredMoney("amount", 0), data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED)));
        }
    }

    /** {@code reason}: the processor's. */
    record PaymentDeclined(long reservationId, String reason) {

        static PaymentDeclined read(EventEnvelope event) {
            return event.readData(data -> new PaymentDeclined(data.requiredLong("reservationId", 1, Long.MAX_VALUE),
                    data.requiredString("reason", 64)));
        }
    }
}
