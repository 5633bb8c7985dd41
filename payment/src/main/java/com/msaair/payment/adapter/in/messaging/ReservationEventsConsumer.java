package com.msaair.payment.adapter.in.messaging;

import com.msaair.payment.application.BookingOutcomes;
import com.msaair.payment.application.PayReservation;
import com.msaair.payment.domain.PaymentMethods;
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

/**
 * What becomes of bookings, from reservation-events: ReservationHeld opens the payment (so the charge
 * goes on in the background whatever happened to the booking's own call), ReservationReleased and
 * ReservationCancelled end it (void, or refund what the fare rule gives back). ReservationCreated —
 * a confirmation, which follows a capture — asks nothing of payments. Reads only the fields it needs.
 */
@ApplicationScoped
public class ReservationEventsConsumer {

    static final String CHANNEL = "reservation-events";
    static final EventTypes TYPES = EventTypes.handling("ReservationHeld", "ReservationReleased", "ReservationCancelled")
            .ignoring("ReservationCreated");

    @Inject
    Inbox inbox;

    @Inject
    BookingOutcomes bookings;

    void consume(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        inbox.consume(CHANNEL, TYPES, this::apply);
    }

    void apply(EventEnvelope event) {
        JsonFields data = JsonFields.tolerant(event.data());
        switch (event.eventType()) {
            case "ReservationHeld" -> {
                long reservationId = data.requiredLong("reservationId", 1, Long.MAX_VALUE);
                String customerId = data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED);
                Money price = data.requiredMoney("price", 0);
                String paymentMethod = data.requiredString("paymentMethod", PaymentMethods.FORMAT, PaymentMethods.EXPECTED);
                Instant captureBefore = data.requiredInstant("captureBefore");
                data.validOrThrow(MalformedEventException::new);
                bookings.held(new PayReservation(reservationId, customerId, price, paymentMethod, captureBefore), event.occurredAt());
            }
            case "ReservationReleased" -> {
                long reservationId = data.requiredLong("reservationId", 1, Long.MAX_VALUE);
                Money price = data.requiredMoney("price", 0);
                data.validOrThrow(MalformedEventException::new);
                bookings.ended(reservationId, price); // never confirmed: anything captured goes back in full
            }
            case "ReservationCancelled" -> {
                long reservationId = data.requiredLong("reservationId", 1, Long.MAX_VALUE);
                Money refund = data.requiredMoney("refund", 0);
                data.validOrThrow(MalformedEventException::new);
                bookings.ended(reservationId, refund);
            }
            default -> throw new MalformedEventException("unknown event type " + event.eventType() + " on " + CHANNEL);
        }
    }
}
