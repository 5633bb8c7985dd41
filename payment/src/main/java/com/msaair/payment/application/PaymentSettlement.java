package com.msaair.payment.application;

import com.msaair.payment.domain.Payment;
import com.msaair.payment.domain.PaymentEvents.PaymentCaptured;
import com.msaair.payment.domain.PaymentEvents.PaymentDeclined;
import com.msaair.payment.domain.PaymentEvents.PaymentRefunded;
import com.msaair.payment.domain.PaymentException;
import com.msaair.payment.domain.PaymentRepository;
import com.msaair.platform.outbox.Outbox;
import com.msaair.platform.tx.RetryOnLockConflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The transactional steps of paying: each records one thing the processor answered (or that the
 * booking needs) on the reservation's locked payment, with its ledger entry and its event, in a
 * transaction of its own — run again alone on a lock conflict, never around the processor's call.
 * Every step is safe to repeat: a capture or a refund already recorded is not recorded again.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
@RetryOnLockConflict
public class PaymentSettlement {

    @Inject
    PaymentRepository payments;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** The reservation's payment, opened now unless it exists (opened by its ReservationHeld event, say). */
    public Payment open(PayReservation request, Duration backgroundWaits) {
        Instant now = clock.instant();
        return payments.addIfAbsent(Payment.open(request.reservationId(), request.customerId(), request.amount(),
                request.paymentMethod(), request.captureBefore(), now.plus(backgroundWaits), now));
    }

    public Payment captured(long reservationId, String reference) {
        Instant now = clock.instant();
        Payment payment = locked(reservationId);
        payment.captured(reference, now).ifPresent(capture -> {
            payments.record(capture);
            outbox.publish(PaymentCaptured.of(payment, now), now);
        });
        return payment;
    }

    public Payment declined(long reservationId, String reason) {
        Instant now = clock.instant();
        Payment payment = locked(reservationId);
        if (payment.declined(reason, now)) {
            outbox.publish(PaymentDeclined.of(payment, now), now);
        }
        return payment;
    }

    public void attemptFailed(long reservationId, Duration wait) {
        locked(reservationId).attemptFailed(wait, clock.instant());
    }

    /** The deadline passed and the processor says no charge was made: the payment is voided, quietly (the booking's hold runs out on its own). */
    public void expired(long reservationId) {
        locked(reservationId).expire(clock.instant());
    }

    public Payment refunded(long reservationId) {
        Payment payment = locked(reservationId);
        payment.refunded(clock.instant()).ifPresent(refund -> {
            payments.record(refund);
            outbox.publish(PaymentRefunded.of(payment, refund), refund.recordedAt());
        });
        return payment;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Payment of(long reservationId) {
        return payments.ofReservation(reservationId).orElseThrow(() -> PaymentException.notFound(reservationId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> dueForCharge(int limit) {
        return payments.dueForCharge(clock.instant(), limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> owingRefunds(int limit) {
        return payments.owingRefunds(limit);
    }

    private Payment locked(long reservationId) {
        return payments.ofReservationForUpdate(reservationId).orElseThrow(() -> PaymentException.notFound(reservationId));
    }
}
