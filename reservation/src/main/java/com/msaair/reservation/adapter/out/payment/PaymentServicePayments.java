package com.msaair.reservation.adapter.out.payment;

import com.msaair.platform.security.ServiceIdentity;
import com.msaair.reservation.adapter.out.payment.PaymentRefusalMapper.PaymentRefused;
import com.msaair.reservation.domain.Payments;
import com.msaair.reservation.domain.Reservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The charge of a held booking, asked of the payment service, and the one place its fault-tolerance
 * policy lives. Reservation charges as itself ({@link ServiceIdentity}: only the reservation service
 * may charge), never with the customer's token: every term of the charge — the reservation, whose
 * money, how much, how, until when — is this service's own record of the booking. A decline is an
 * answer and passes through; when payment cannot answer in time (down, slow, its processor failing,
 * the circuit open) — or reservation cannot get its own token — the fallback says PENDING, the booking
 * stays HELD, and the charge goes on in the background from the booking's ReservationHeld event. A
 * timed-out charge is not retried here (the slow charge is still running on the other side; the
 * background settles it).
 *
 * <p>Tunable through MicroProfile Config like {@code .../PaymentServicePayments/charge/Timeout/value}.
 */
@ApplicationScoped
public class PaymentServicePayments implements Payments {

    @Inject
    @RestClient
    PaymentClient payment;

    @Inject
    ServiceIdentity identity;

    @Override
    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 100, jitter = 50, abortOn = {CircuitBreakerOpenException.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    @Fallback(fallbackMethod = "pending")
    public PaymentOutcome charge(Reservation reservation, Instant captureBefore) {
        try (Response response = payment.pay(ChargeRequest.of(reservation, captureBefore), identity.authorization())) {
            return PaymentOutcome.PAID;
        } catch (PaymentRefused e) {
            return e.unknownMethod() ? PaymentOutcome.unknownMethod() : PaymentOutcome.declined(e.reason());
        }
    }

    PaymentOutcome pending(Reservation reservation, Instant captureBefore) {
        return PaymentOutcome.PENDING;
    }
}
