package com.msaair.reservation.domain;

import java.time.Instant;

/**
 * What the reservation service tells the others, on {@code reservation-events} keyed by customer id
 * (a customer's events stay in order). These records are this service's published contract.
 */
public final class ReservationEvents {

    public static final String TOPIC = "reservation-events";
    public static final String RESERVATION_CREATED = "ReservationCreated";
    public static final String RESERVATION_CANCELLED = "ReservationCancelled";

    private ReservationEvents() {}

    public record ReservationCreated(long reservationId, String customerId, long scheduleId, String flightNumber,
            Instant departureTime, int passengers, int miles, Money price, boolean customerVerified, String status) {

        public static ReservationCreated of(Reservation r) {
            return new ReservationCreated(r.id(), r.customerId(), r.scheduleId(), r.flightNumber(), r.departureTime(),
                    r.passengers(), r.miles(), r.price(), r.customerVerified(), r.status().name());
        }
    }

    /** {@code miles} are the miles the booking accrued, which the cancellation takes back. */
    public record ReservationCancelled(long reservationId, String customerId, long scheduleId, String flightNumber,
            int passengers, int miles, Money price, String reason, Instant cancelledAt, String status) {

        public static ReservationCancelled of(Reservation r) {
            return new ReservationCancelled(r.id(), r.customerId(), r.scheduleId(), r.flightNumber(), r.passengers(),
                    r.miles(), r.price(), r.cancellationReason().name(), r.cancelledAt(), r.status().name());
        }
    }
}
