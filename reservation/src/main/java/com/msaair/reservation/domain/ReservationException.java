package com.msaair.reservation.domain;

import com.msaair.platform.domain.DomainException;

/** The booking rules' refusals, each with the answer a client gets. */
public final class ReservationException extends DomainException {

    private ReservationException(Kind kind, String code, String field, String message) {
        super(kind, code, field, message);
    }

    public static ReservationException notFound(long id) {
        return new ReservationException(Kind.NOT_FOUND, "reservation-not-found", null, "Reservation " + id + " does not exist");
    }

    public static ReservationException alreadyCancelled(Long id) {
        return new ReservationException(Kind.CONFLICT, "reservation-cancelled", null, "Reservation " + id + " is already cancelled");
    }

    public static ReservationException flightNotFound(long scheduleId) {
        return new ReservationException(Kind.NOT_FOUND, "flight-not-found", "scheduleId", "Flight schedule " + scheduleId + " does not exist");
    }

    public static ReservationException flightCancelled(long scheduleId) {
        return new ReservationException(Kind.CONFLICT, "flight-cancelled", "scheduleId", "Flight schedule " + scheduleId + " is cancelled");
    }

    public static ReservationException flightDeparted(long scheduleId) {
        return new ReservationException(Kind.CONFLICT, "flight-departed", "scheduleId", "Flight schedule " + scheduleId + " has already departed");
    }

    public static ReservationException soldOut(long scheduleId, int requested, int available) {
        return new ReservationException(Kind.CONFLICT, "sold-out", "passengers",
                "Flight schedule " + scheduleId + " has " + available + " seats left, " + requested + " requested");
    }

    public static ReservationException customerNotFound(String customerId) {
        return new ReservationException(Kind.NOT_FOUND, "customer-not-found", "customerId", "Customer " + customerId + " does not exist");
    }

    public static ReservationException idempotencyKeyReused(String key) {
        return new ReservationException(Kind.UNPROCESSABLE, "idempotency-key-reused", "Idempotency-Key",
                "Idempotency-Key " + key + " was already used for a different booking");
    }
}
