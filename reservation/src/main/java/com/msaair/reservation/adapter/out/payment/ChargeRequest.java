package com.msaair.reservation.adapter.out.payment;

import com.msaair.platform.domain.Money;
import com.msaair.reservation.domain.Reservation;
import java.time.Instant;

/**
 * The body of the payment service's {@code POST /api/payments}, as reservation sends it (its own copy
 * of the contract; the pact in reservation's tests says what it relies on).
 */
public record ChargeRequest(long reservationId, String customerId, Money amount, String paymentMethod, Instant captureBefore) {

    static ChargeRequest of(Reservation reservation, Instant captureBefore) {
        return new ChargeRequest(reservation.id(), reservation.customerId(), reservation.price(), reservation.paymentMethod(), captureBefore);
    }
}
