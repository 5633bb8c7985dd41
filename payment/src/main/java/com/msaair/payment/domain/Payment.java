package com.msaair.payment.domain;

import com.msaair.platform.domain.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payment of one reservation: what it costs, how it is paid (a processor's token, never card
 * data), and where the money stands. There is one per reservation, opened by whichever comes first —
 * the booking's own charge or its {@code ReservationHeld} event — and every later step is keyed by it,
 * so a retried, duplicated or concurrent charge is the same charge.
 *
 * <p>The rules that keep money and bookings together: a charge is tried only while the payment is
 * PENDING and before {@code captureBefore} (a little before the booking's hold runs out, so a
 * booking is never confirmed after its seats went back); when the booking ends (released, expired,
 * cancelled) whatever was captured and is owed back becomes {@code refundDue}, never more than was
 * captured; and a capture that lands after the booking ended is owed back in full.
 *
 * <p>A payment is its booking's only while their terms agree. When the booking turns out to have other
 * terms (its ReservationHeld meets a payment made with others), the payment is disowned: never charged
 * for that booking, or owed back in full if it was; what differed stays on it for an operator.
 */
public class Payment {

    private Long id;
    private long reservationId;
    private String customerId;
    private long amount;
    private String currency;
    private String paymentMethod;
    private PaymentStatus status;
    private String declineReason;
    private Instant captureBefore;
    private int attempts;
    private Instant nextAttemptAt;
    private String chargeReference;
    private long captured;
    private long refunded;
    private long refundDue;
    /** Whether the booking has ended (released, expired or cancelled), or the payment was disowned: it happens once. */
    private boolean bookingEnded;
    /** The terms that differed from its booking's, when the payment was disowned for it; null while it is the booking's. */
    private String mismatch;
    private Instant createdAt;
    private Instant updatedAt;
    private long version;

    protected Payment() {
        // for the persistence adapter
    }

    private Payment(long reservationId, String customerId, Money amount, String paymentMethod, Instant captureBefore,
            Instant firstAttemptAt, Instant now) {
        this.reservationId = reservationId;
        this.customerId = customerId;
        this.amount = amount.amount();
        this.currency = amount.currency();
        this.paymentMethod = paymentMethod;
        this.status = PaymentStatus.PENDING;
        this.captureBefore = captureBefore;
        this.nextAttemptAt = firstAttemptAt;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Opens the payment of a held booking.
     *
     * @param firstAttemptAt when the background may charge it first: later than now when the booking
     *                       is charging it itself at this moment, so the two do not race for nothing
     */
    public static Payment open(long reservationId, String customerId, Money amount, String paymentMethod, Instant captureBefore,
            Instant firstAttemptAt, Instant now) {
        if (amount.amount() == 0) {
            throw new IllegalArgumentException("a payment of nothing is no payment");
        }
        return new Payment(reservationId, customerId, amount, paymentMethod, captureBefore, firstAttemptAt, now);
    }

    /** Whether a request to pay this reservation asks for what this payment is. */
    public boolean hasTerms(String customerId, Money amount, String paymentMethod, Instant captureBefore) {
        return differencesFrom(customerId, amount, paymentMethod, captureBefore).isEmpty();
    }

    /** The names of the terms in which this payment differs from the ones given, in a fixed order; empty when they agree. */
    public List<String> differencesFrom(String customerId, Money amount, String paymentMethod, Instant captureBefore) {
        List<String> differences = new ArrayList<>();
        if (!this.customerId.equals(customerId)) {
            differences.add("customerId");
        }
        if (this.amount != amount.amount()) {
            differences.add("amount");
        }
        if (!currency.equals(amount.currency())) {
            differences.add("currency");
        }
        if (!this.paymentMethod.equals(paymentMethod)) {
            differences.add("paymentMethod");
        }
        if (!this.captureBefore.equals(captureBefore)) {
            differences.add("captureBefore");
        }
        return differences;
    }

    /**
     * The reservation's booking has other terms than this payment ({@code differences}, from
     * {@link #differencesFrom}): it is not that booking's payment. Not charged yet, it is voided and
     * never charged; captured (now or later), it is owed back in full; the booking's own end no longer
     * concerns it. False when it was disowned already.
     */
    public boolean disown(List<String> differences, Instant now) {
        if (differences.isEmpty()) {
            throw new IllegalArgumentException("a payment is disowned for terms that differ");
        }
        if (mismatch != null) {
            return false;
        }
        mismatch = String.join(", ", differences);
        bookingEnded = true;
        updatedAt = now;
        if (status == PaymentStatus.PENDING) {
            status = PaymentStatus.VOIDED;
        }
        refundDue = captured - refunded;
        return true;
    }

    /** The processor's idempotency key of this payment's charge: one charge per reservation, whoever asks. */
    public String chargeKey() {
        return "charge-" + reservationId;
    }

    public String refundKey() {
        return "refund-" + reservationId;
    }

    /** Whether the charge may be made (or tried again) now. */
    public boolean mayCharge(Instant now) {
        return status == PaymentStatus.PENDING && now.isBefore(captureBefore);
    }

    /** Whether the background should try the charge now. */
    public boolean isDue(Instant now) {
        return status == PaymentStatus.PENDING && !now.isBefore(nextAttemptAt);
    }

    /**
     * The processor took the money. Returns the ledger's capture, or empty when this capture was
     * recorded already. On a payment whose booking ended first, the whole capture is owed back.
     */
    public Optional<LedgerEntry> captured(String reference, Instant now) {
        if (captured > 0) {
            return Optional.empty();
        }
        captured = amount;
        chargeReference = reference;
        updatedAt = now;
        if (status == PaymentStatus.PENDING) {
            status = PaymentStatus.CAPTURED;
        } else {
            refundDue = captured - refunded; // the booking is gone: nothing of this may be kept
        }
        return Optional.of(new LedgerEntry(this, LedgerEntry.Kind.CAPTURE, amount(), now));
    }

    /** The processor refused the charge. False when the payment had an outcome already. */
    public boolean declined(String reason, Instant now) {
        if (status != PaymentStatus.PENDING) {
            return false;
        }
        status = PaymentStatus.DECLINED;
        declineReason = reason;
        updatedAt = now;
        return true;
    }

    /** The processor could not answer; the background tries again after {@code wait}. */
    public void attemptFailed(Duration wait, Instant now) {
        attempts++;
        nextAttemptAt = now.plus(wait);
        updatedAt = now;
    }

    /** The deadline passed without a charge (the processor was asked whether one was made, and none was). */
    public void expire(Instant now) {
        if (status == PaymentStatus.PENDING) {
            status = PaymentStatus.VOIDED;
            declineReason = "capture_deadline_passed";
            updatedAt = now;
        }
    }

    /**
     * The booking ended (its payment failed, its hold expired, or it was cancelled): a payment not
     * charged yet is voided, and of what was captured at most {@code refundAtMost} is owed back. Only
     * the first ending counts.
     */
    public void bookingEnded(Money refundAtMost, Instant now) {
        if (bookingEnded) {
            return;
        }
        bookingEnded = true;
        updatedAt = now;
        if (status == PaymentStatus.PENDING) {
            status = PaymentStatus.VOIDED;
        }
        if (captured > 0) {
            refundDue = Math.min(refundAtMost.amount(), captured - refunded);
        }
    }

    public boolean owesRefund() {
        return refundDue > 0;
    }

    /** The refund owed was made. Returns the ledger's refund, or empty when nothing was owed. */
    public Optional<LedgerEntry> refunded(Instant now) {
        if (refundDue == 0) {
            return Optional.empty();
        }
        Money refund = new Money(refundDue, currency);
        refunded += refundDue;
        refundDue = 0;
        updatedAt = now;
        return Optional.of(new LedgerEntry(this, LedgerEntry.Kind.REFUND, refund, now));
    }

    public Money amount() {
        return new Money(amount, currency);
    }

    public Money capturedAmount() {
        return new Money(captured, currency);
    }

    public Money refundedAmount() {
        return new Money(refunded, currency);
    }

    public Money refundOwed() {
        return new Money(refundDue, currency);
    }

    public Long id() {
        return id;
    }

    public long reservationId() {
        return reservationId;
    }

    public String customerId() {
        return customerId;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public PaymentStatus status() {
        return status;
    }

    public String declineReason() {
        return declineReason;
    }

    /** What differed from its booking's terms, if it was disowned for that (see {@link #disown}). */
    public Optional<String> mismatch() {
        return Optional.ofNullable(mismatch);
    }

    public Instant captureBefore() {
        return captureBefore;
    }

    public int attempts() {
        return attempts;
    }

    public String chargeReference() {
        return chargeReference;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
