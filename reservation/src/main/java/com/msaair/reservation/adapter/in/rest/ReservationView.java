package com.msaair.reservation.adapter.in.rest;

import com.msaair.platform.domain.Money;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationStatus;
import java.time.Instant;

/**
 * A reservation as the API shows it; {@code miles} is what it accrues once confirmed (or accrued, if
 * cancelled), {@code price} what it costs: the flight's fare times the passengers, in the fare's minor
 * units. A HELD booking awaits payment until {@code holdExpiresAt}; {@code releaseReason} says why a
 * released one ended (the processor's reason, or hold_expired); {@code refund} is what a cancellation
 * gives back.
 */
public record ReservationView(long id, String customerId, long scheduleId, String flightNumber, Instant departureTime,
        int passengers, int miles, Money price, String paymentMethod, String status, Instant holdExpiresAt, String releaseReason,
        String cancellationReason, Money refund, boolean customerVerified, Instant createdAt, Instant confirmedAt, Instant releasedAt,
        Instant cancelledAt) {

    static ReservationView of(Reservation r) {
        return new ReservationView(r.id(), r.customerId(), r.scheduleId(), r.flightNumber(), r.departureTime(), r.passengers(),
                r.miles(), r.price(), r.paymentMethod(), r.status().name(), r.holdExpiresAt(), r.releaseReason(),
                r.cancellationReason() == null ? null : r.cancellationReason().name(),
                r.status() == ReservationStatus.CANCELLED ? r.refund() : null,
                r.customerVerified(), r.createdAt(), r.confirmedAt(), r.releasedAt(), r.cancelledAt());
    }
}
