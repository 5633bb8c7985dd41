package com.msaair.reservation.application;

import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.outbox.Outbox;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationEvents;
import com.msaair.reservation.domain.ReservationEvents.ReservationCancelled;
import com.msaair.reservation.domain.ReservationEvents.ReservationCreated;
import com.msaair.reservation.domain.ReservationEvents.ReservationHeld;
import com.msaair.reservation.domain.ReservationEvents.ReservationReleased;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes reservation events to the outbox, in the caller's transaction. The reservation id is the
 * correlation id of everything that follows from a booking (payment, mileage, notifications, history).
 */
@ApplicationScoped
public class ReservationAnnouncer {

    @Inject
    Outbox outbox;

    void held(Reservation reservation, Instant captureBefore, Instant at) {
        publish(ReservationEvents.RESERVATION_HELD, reservation, ReservationHeld.of(reservation, captureBefore), at, null);
    }

    void confirmed(Reservation reservation, Instant at, UUID causationId) {
        publish(ReservationEvents.RESERVATION_CREATED, reservation, ReservationCreated.of(reservation), at, causationId);
    }

    void released(Reservation reservation, Instant at, UUID causationId) {
        publish(ReservationEvents.RESERVATION_RELEASED, reservation, ReservationReleased.of(reservation), at, causationId);
    }

    void cancelled(Reservation reservation, Instant at, UUID causationId) {
        publish(ReservationEvents.RESERVATION_CANCELLED, reservation, ReservationCancelled.of(reservation), at, causationId);
    }

    private void publish(String type, Reservation reservation, Object payload, Instant at, UUID causationId) {
        String customerKey = reservation.customerId();
        outbox.publish(ReservationEvents.TOPIC, customerKey, EventEnvelope.of(type, at, String.valueOf(reservation.id()),
                causationId, reservation.customerId(), payload));
    }
}
