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

    public static ReservationException released(Long id, ReservationStatus status) {
        return new ReservationException(Kind.CONFLICT, "reservation-released", null,
                "Reservation " + id + " was released (" + status + "); there is nothing to cancel");
    }

    /** {@code reason} is the card processor's, e.g. insufficient_funds. */
    public static ReservationException paymentDeclined(long id, String reason) {
        return new ReservationException(Kind.PAYMENT_REQUIRED, "payment-declined", "paymentMethod",
                "The payment of reservation " + id + " was declined: " + reason + "; its seats were released");
    }

    public static ReservationException unknownPaymentMethod(long id) {
        return new ReservationException(Kind.UNPROCESSABLE, "unknown-payment-method", "paymentMethod",
                "The card processor does not know this payment method; the seats of reservation " + id + " were released");
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

    public static ReservationException seatsPerPassenger(int passengers, int seats) {
        return new ReservationException(Kind.INVALID, "invalid-seats", "seats",
                "Name one seat per passenger, each once: " + passengers + " passenger(s), " + seats + " seat(s) named");
    }

    public static ReservationException unknownSeats(long scheduleId, java.util.List<Seat> seats, SeatLayout layout) {
        return new ReservationException(Kind.INVALID, "unknown-seat", "seats", "Flight schedule " + scheduleId + " has no seat "
                + names(seats) + " (rows 1-" + layout.rows() + ", letters " + layout.letters() + ", " + layout.capacity() + " seats)");
    }

    /** The answer names the seats, never who has them. */
    public static ReservationException seatsTaken(long scheduleId, java.util.List<Seat> seats) {
        return new ReservationException(Kind.CONFLICT, "seat-taken", "seats", (seats.size() == 1 ? "Seat " : "Seats ") + names(seats)
                + " of flight schedule " + scheduleId + (seats.size() == 1 ? " is" : " are") + " already held or taken");
    }

    public static ReservationException customerNotFound(String customerId) {
        return new ReservationException(Kind.NOT_FOUND, "customer-not-found", "customerId", "Customer " + customerId + " does not exist");
    }

    private static String names(java.util.List<Seat> seats) {
        return String.join(", ", seats.stream().map(Seat::toString).toList());
    }

    public static ReservationException idempotencyKeyReused(String key) {
        return new ReservationException(Kind.UNPROCESSABLE, "idempotency-key-reused", "Idempotency-Key",
                "Idempotency-Key " + key + " was already used for a different booking of this customer");
    }
}
