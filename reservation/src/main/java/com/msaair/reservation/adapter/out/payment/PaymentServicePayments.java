package com.msaair.reservation.adapter.out.payment;

import com.msaair.platform.security.Caller;
import com.msaair.reservation.domain.Payments;
import com.msaair.reservation.domain.Reservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The charge of a held booking, asked of the payment service with the caller's own token (whose money
 * it is, the payment service learns from the token, as every service does). The policy (timeout,
 * retry, circuit breaker, fallback) is {@link PaymentCharges}'.
 */
@ApplicationScoped
public class PaymentServicePayments implements Payments {

    @Inject
    PaymentCharges charges;

    @Inject
    Caller caller;

    @Override
    public PaymentOutcome charge(Reservation reservation, Instant captureBefore) {
        return charges.charge(ChargeRequest.of(reservation, captureBefore), caller.authorization());
    }
}
