package com.msaair.payment.domain;

import com.msaair.platform.domain.Money;
import java.time.Instant;

/**
 * One movement of money: a capture or a refund of one reservation's payment. The ledger holds at most
 * one of each kind per reservation (the database says so too), so no retry, redelivery or race can
 * take or give back money twice.
 */
public class LedgerEntry {

    public enum Kind {
        CAPTURE,
        REFUND
    }

    private Long id;
    private Long paymentId;
    private long reservationId;
    private String customerId;
    private Kind kind;
    private long amount;
    private String currency;
    private Instant recordedAt;

    protected LedgerEntry() {
        // for the persistence adapter
    }

    LedgerEntry(Payment payment, Kind kind, Money amount, Instant at) {
        this.paymentId = payment.id();
        this.reservationId = payment.reservationId();
        this.customerId = payment.customerId();
        this.kind = kind;
        this.amount = amount.amount();
        this.currency = amount.currency();
        this.recordedAt = at;
    }

    public Long id() {
        return id;
    }

    public Long paymentId() {
        return paymentId;
    }

    public long reservationId() {
        return reservationId;
    }

    public String customerId() {
        return customerId;
    }

    public Kind kind() {
        return kind;
    }

    public Money amount() {
        return new Money(amount, currency);
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
