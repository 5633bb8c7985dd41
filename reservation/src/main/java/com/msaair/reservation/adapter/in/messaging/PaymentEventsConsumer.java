package com.msaair.reservation.adapter.in.messaging;

import com.msaair.platform.domain.Money;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.inbox.EventTypes;
import com.msaair.platform.inbox.Inbox;
import com.msaair.platform.json.JsonFields;
import com.msaair.platform.security.CustomerIds;
import com.msaair.reservation.application.BookingOutcomes;
import com.msaair.reservation.domain.ReservationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

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
    static final EventTypes TYPES = EventTypes.handling("PaymentCaptured", "PaymentDeclined").ignoring("PaymentRefunded");

    @Inject
    Inbox inbox;

    @Inject
    BookingOutcomes outcomes;

    void consume(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        inbox.consume(CHANNEL, TYPES, this::apply);
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
            default -> throw new MalformedEventException("unknown event type " + event.eventType() + " on " + CHANNEL);
        }
    }
}
