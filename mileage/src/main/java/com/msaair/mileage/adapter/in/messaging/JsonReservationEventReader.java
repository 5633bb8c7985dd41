package com.msaair.mileage.adapter.in.messaging;

import static com.msaair.mileage.application.ReservationEventHandler.RESERVATION_CANCELLED;
import static com.msaair.mileage.application.ReservationEventHandler.RESERVATION_CREATED;

import com.msaair.mileage.application.ReservationEvent.Change;
import com.msaair.mileage.application.ReservationEvent;
import com.msaair.mileage.application.ReservationEventReader;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.security.CustomerIds;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a ReservationCreated or ReservationCancelled from its JSON into what mileage applies: only the
 * members mileage needs (a tolerant reader). One reader for the consumer and for an operator's retry of
 * a parked event.
 */
@ApplicationScoped
public class JsonReservationEventReader implements ReservationEventReader {

    @Override
    public ReservationEvent read(EventEnvelope event) {
        Change change = switch (event.eventType()) {
            case RESERVATION_CREATED -> Change.ACCRUE;
            case RESERVATION_CANCELLED -> Change.REVERSE;
            default -> throw MalformedEventException.unknownType(event.eventType());
        };
        return event.readData(data -> {
            long reservationId = data.requiredLong("reservationId", 1, Long.MAX_VALUE);
            String customerId = data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED);
            long miles = change == Change.ACCRUE ? data.requiredLong("miles", 1, Integer.MAX_VALUE) : 0;
            return new ReservationEvent(event, change, customerId, reservationId, miles);
        });
    }
}
