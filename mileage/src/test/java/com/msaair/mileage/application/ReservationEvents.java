package com.msaair.mileage.application;

import com.msaair.mileage.adapter.in.messaging.JsonReservationEventReader;
import com.msaair.platform.event.EventEnvelope;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.UUID;

/** Reservation events as they come off the topic, for the application's tests. */
final class ReservationEvents {

    static final Instant OCCURRED = Instant.parse("2026-11-21T11:59:00Z");
    private static final JsonReservationEventReader READER = new JsonReservationEventReader();

    private ReservationEvents() {}

    static EventEnvelope created(String customerId, long reservationId, long miles) {
        return envelope(ReservationEventHandler.RESERVATION_CREATED, customerId, reservationId, data(customerId, reservationId).add("miles", miles));
    }

    static EventEnvelope cancelled(String customerId, long reservationId) {
        return envelope(ReservationEventHandler.RESERVATION_CANCELLED, customerId, reservationId, data(customerId, reservationId));
    }

    /** What the messaging adapter hands the application for {@code event}. */
    static ReservationEvent read(EventEnvelope event) {
        return READER.read(event);
    }

    private static JsonObjectBuilder data(String customerId, long reservationId) {
        return Json.createObjectBuilder().add("reservationId", reservationId).add("customerId", customerId).add("flightNumber", "KE1234");
    }

    private static EventEnvelope envelope(String type, String customerId, long reservationId, JsonObjectBuilder data) {
        return new EventEnvelope(UUID.randomUUID(), type, OCCURRED, String.valueOf(reservationId), null, customerId, data.build());
    }
}
