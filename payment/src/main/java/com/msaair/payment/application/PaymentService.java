package com.msaair.payment.application;

import com.msaair.payment.domain.CardProcessor;
import com.msaair.payment.domain.ChargeOutcome;
import com.msaair.payment.domain.Payment;
import com.msaair.payment.domain.PaymentException;
import com.msaair.payment.domain.PaymentRepository;
import com.msaair.payment.domain.PaymentStatus;
import com.msaair.payment.domain.ProcessorUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Paying, as an orchestration: the payment is opened (or found) in one transaction, the card
 * processor is asked outside any transaction, and its answer is recorded in another
 * ({@link PaymentSettlement}). A crash between the processor's answer and its record loses nothing:
 * the charge's idempotency key is the reservation's, so asking again — the booking's retry, the
 * background — gets the same answer and never a second charge.
 */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class.getName());

    @Inject
    PaymentSettlement settlement;

    @Inject
    PaymentRepository payments;

    @Inject
    CardProcessor processor;

    @Inject
    Clock clock;

    @Inject
    PaymentSettings settings;

    /**
     * Pays for a held booking, now: answers the captured payment, or refuses — declined (402), an
     * unknown payment method (422), the processor not answering (503, and the background goes on
     * trying), the booking over or its terms different (409).
     */
    public Payment pay(PayReservation request) {
        Payment payment = openOrFind(request, settings.backgroundGrace());
        if (!payment.hasTerms(request.customerId(), request.amount(), request.paymentMethod(), request.captureBefore())) {
            throw PaymentException.mismatch(request.reservationId());
        }
        if (payment.status() == PaymentStatus.PENDING && payment.mayCharge(clock.instant())) {
            payment = attempt(payment);
        }
        return switch (payment.status()) {
            case CAPTURED -> payment;
            case DECLINED -> throw refusal(payment);
            case VOIDED, PENDING -> throw PaymentException.voided(request.reservationId());
        };
    }

    /** One background attempt at a payment the booking could not charge; past its deadline, the processor is asked whether a charge was made. */
    public void chargeDue(long reservationId) {
        Payment payment = settlement.of(reservationId);
        if (!payment.isDue(clock.instant())) {
            return;
        }
        if (payment.mayCharge(clock.instant())) {
            attempt(payment);
            return;
        }
        Optional<ChargeOutcome> made = processor.chargeMade(payment.chargeKey());
        if (made.isEmpty()) {
            settlement.expired(reservationId);
        } else {
            record(payment, made.get());
        }
    }

    /** Makes the refund the payment owes, if it owes one. */
    public void refundOwed(long reservationId) {
        Payment payment = settlement.of(reservationId);
        if (payment.owesRefund()) {
            processor.refund(payment.refundKey(), payment.chargeReference(), payment.refundOwed());
            settlement.refunded(reservationId);
        }
    }

    public Payment get(long id) {
        return payments.find(id).orElseThrow(() -> PaymentException.notFound(id));
    }

    public List<Payment> ofCustomer(String customerId, int offset, int limit) {
        return payments.ofCustomer(customerId, offset, limit);
    }

    public long countOfCustomer(String customerId) {
        return payments.countOfCustomer(customerId);
    }

    /**
     * The reservation's payment, opened now (in a transaction of its own) unless it exists; the
     * background leaves it alone for {@code backgroundWaits}. Opened at the same moment by the
     * booking's call and its ReservationHeld event, one insert fails on UQ_PAYMENT_RESERVATION and
     * reads the other's payment.
     */
    public Payment openOrFind(PayReservation request, Duration backgroundWaits) {
        try {
            return settlement.open(request, backgroundWaits);
        } catch (RuntimeException e) {
            return payments.ofReservation(request.reservationId()).orElseThrow(() -> e);
        }
    }

    /** Asks the processor to charge, records its answer and returns the payment as it is then. */
    private Payment attempt(Payment payment) {
        ChargeOutcome outcome;
        try {
            outcome = processor.charge(payment.chargeKey(), payment.amount(), payment.paymentMethod());
        } catch (ProcessorUnavailableException e) {
            Duration wait = settings.retryBackoff().after(payment.attempts() + 1);
            LOG.info(() -> "The charge of reservation " + payment.reservationId() + " got no answer (" + e.getMessage()
                    + "); the background tries again in " + wait.toMillis() + " ms");
            settlement.attemptFailed(payment.reservationId(), wait);
            throw PaymentException.processorUnavailable();
        }
        return record(payment, outcome);
    }

    private Payment record(Payment payment, ChargeOutcome outcome) {
        if (outcome instanceof ChargeOutcome.Approved approved) {
            return settlement.captured(payment.reservationId(), approved.reference());
        }
        return settlement.declined(payment.reservationId(), ((ChargeOutcome.Declined) outcome).reason());
    }

    private static PaymentException refusal(Payment payment) {
        return ChargeOutcome.Declined.UNKNOWN_PAYMENT_METHOD.equals(payment.declineReason())
                ? PaymentException.unknownPaymentMethod(payment.paymentMethod())
                : PaymentException.declined(payment.declineReason());
    }
}
