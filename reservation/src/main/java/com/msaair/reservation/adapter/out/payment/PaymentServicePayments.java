package com.msaair.reservation.adapter.out.payment;

import com.msaair.reservation.domain.Payments;
import com.msaair.reservation.domain.Reservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The charge of a held booking, asked of the payment service by reservation as itself, never with the
 * customer's token: every term of the charge — the reservation, whose money, how much, how, until when
 * — is this service's own record of the booking. The policy (timeout, retry, circuit breaker,
 * fallback) is {@link PaymentCharges}'.
 */
@ApplicationScoped
public class PaymentServicePayments implements Payments {

    @Inject
    PaymentCharges charges;

    @Override
    public PaymentOutcome charge(Reservation reservation, Instant captureBefore) {
        return charges.charge(ChargeRequest.of(reservation, captureBefore));
    }
}
