package com.msaair.reservation.adapter.in.rest;

import com.msaair.platform.domain.Money;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationStatus;
import com.msaair.reservation.domain.Seat;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reservation as the API shows it; {@code miles} is what it accrues once confirmed (or accrued, if
 * cancelled), {@code price} what it costs: the flight's fare times the passengers, in the fare's minor
 * units. A HELD booking awaits payment until {@code holdExpiresAt}; {@code releaseReason} says why a
 * released one ended (the processor's reason, or hold_expired); {@code refund} is what a cancellation
 * gives back. {@code seats} are its seats (12A), in order; a booking that has ended keeps the seats it had.
 */
public record ReservationView(long id, String customerId, long scheduleId, String flightNumber, Instant departureTime,
        int passengers, @Schema(example = "[\"12A\", \"12B\"]") List<String> seats, int miles, Money price, String paymentMethod, String status, Instant holdExpiresAt, String releaseReason,
        String cancellationReason, Money refund, boolean customerVerified, Instant createdAt, Instant confirmedAt, Instant releasedAt,
        Instant cancelledAt) {

    static ReservationView of(Reservation r) {
        return new ReservationView(r.id(), r.customerId(), r.scheduleId(), r.flightNumber(), r.departureTime(), r.passengers(),
                r.seats().stream().map(Seat::toString).toList(), r.miles(), r.price(), r.paymentMethod(), r.status().name(), r.holdExpiresAt(), r.releaseReason(),
                r.cancellationReason() == null ? null : r.cancellationReason().name(),
                r.status() == ReservationStatus.CANCELLED ? r.refund() : null,
                r.customerVerified(), r.createdAt(), r.confirmedAt(), r.releasedAt(), r.cancelledAt());
    }
}
