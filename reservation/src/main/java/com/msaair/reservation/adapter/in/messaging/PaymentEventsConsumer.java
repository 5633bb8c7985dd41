package com.msaair.reservation.adapter.in.messaging;

import com.msaair.platform.domain.Money;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.inbox.Inbox;
import com.msaair.platform.json.JsonFields;
import com.msaair.platform.security.CustomerIds;
import com.msaair.reservation.application.BookingOutcomes;
import com.msaair.reservation.domain.ReservationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Subscriber;

/**
 * Payment events end holds the booking's own call could not: a capture of the booking's price from its
 * customer confirms a held booking (any other capture confirms nothing), a decline releases it
 * (PAYMENT_FAILED, seats back). A booking that is no longer held (confirmed by its own call already, or
 * released) is left as it is; the payment service refunds whatever it captured for a booking that was
 * released. A refund asks nothing of bookings. Reads only the fields it needs.
 */
@ApplicationScoped
public class PaymentEventsConsumer {

    static final String CHANNEL = "payment-events";

    @Inject
    Inbox inbox;

    @Inject
    BookingOutcomes outcomes;

    @Incoming(CHANNEL)
    public Subscriber<Message<byte[]>> paymentEvents() {
        return inbox.subscriber(CHANNEL, this::apply);
    }

    void apply(EventEnvelope event) {
        JsonFields data = JsonFields.tolerant(event.data());
        long reservationId = data.requiredLong("reservationId", 1, Long.MAX_VALUE);
        switch (event.eventType()) {
            case "PaymentCaptured" -> {
                Money amount = data.requiredMoney("amount", 0);
                String payer = data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED);
                data.validOrThrow(MalformedEventException::new);
                outcomes.captured(reservationId, amount, payer, event.eventId());
            }
            case "PaymentDeclined" -> {
                String reason = data.requiredString("reason", 64);
                data.validOrThrow(MalformedEventException::new);
                outcomes.release(reservationId, ReservationStatus.PAYMENT_FAILED, reason, event.eventId());
            }
            case "PaymentRefunded" -> data.validOrThrow(MalformedEventException::new);
            default -> throw new MalformedEventException("unknown event type " + event.eventType() + " on " + CHANNEL);
        }
    }
}
