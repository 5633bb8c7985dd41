package com.msaair.reservation.adapter.in.rest;

import com.msaair.reservation.domain.Money;
import com.msaair.reservation.domain.Reservation;
import java.time.Instant;

/**
 * A reservation as the API shows it; {@code miles} is what it accrues (or accrued, if cancelled),
 * {@code price} what it costs: the flight's fare times the passengers, in the fare's minor units.
 */
public record ReservationView(long id, String customerId, long scheduleId, String flightNumber, Instant departureTime,
        int passengers, int miles, Money price, String status, String cancellationReason, boolean customerVerified, Instant createdAt,
        Instant cancelledAt) {

    static ReservationView of(Reservation r) {
        return new ReservationView(r.id(), r.customerId(), r.scheduleId(), r.flightNumber(), r.departureTime(), r.passengers(),
                r.miles(), r.price(), r.status().name(), r.cancellationReason() == null ? null : r.cancellationReason().name(),
                r.customerVerified(), r.createdAt(), r.cancelledAt());
    }
}
