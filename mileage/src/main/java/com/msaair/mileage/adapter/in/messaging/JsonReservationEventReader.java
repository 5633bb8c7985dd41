package com.msaair.mileage.adapter.in.messaging;

import static com.msaair.mileage.application.ReservationEventHandler.RESERVATION_CANCELLED;
import static com.msaair.mileage.application.ReservationEventHandler.RESERVATION_CREATED;

import com.msaair.mileage.application.ReservationEvent;
import com.msaair.mileage.application.ReservationEvent.Change;
import com.msaair.mileage.application.ReservationEventReader;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.json.JsonFields;
import com.msaair.platform.security.CustomerIds;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads reservation events from their JSON: only the fields mileage needs (a tolerant reader). */
@ApplicationScoped
public class JsonReservationEventReader implements ReservationEventReader {

    @Override
    public ReservationEvent read(EventEnvelope event) {
        JsonFields data = JsonFields.tolerant(event.data());
        long reservationId = data.requiredLong("reservationId", 1, Long.MAX_VALUE);
        String customerId = data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED);
        long miles = RESERVATION_CREATED.equals(event.eventType()) ? data.requiredLong("miles", 1, Integer.MAX_VALUE) : 0;
        data.validOrThrow(MalformedEventException::new);
        return switch (event.eventType()) {
            case RESERVATION_CREATED -> new ReservationEvent(event, Change.ACCRUE, customerId, reservationId, miles);
            case RESERVATION_CANCELLED -> new ReservationEvent(event, Change.REVERSE, customerId, reservationId, 0);
            default -> throw new MalformedEventException("unknown event type " + event.eventType() + " on reservation-events");
        };
    }
}
