package com.msaair.mileage.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a customer's mileage ledger: which booking, how many miles (+ or -), the event that
 * caused it and the balance after it. A booking has at most one accrual and one reversal.
 */
public class MileageEntry {

    private Long id;
    private String customerId;
    private long reservationId;
    private EntryKind kind;
    private long miles;
    private long balanceAfter;
    private String eventId;
    private Instant recordedAt;

    protected MileageEntry() {
        // for the persistence adapter
    }

    MileageEntry(String customerId, long reservationId, EntryKind kind, long miles, long balanceAfter, UUID eventId, Instant recordedAt) {
        this.customerId = customerId;
        this.reservationId = reservationId;
        this.kind = kind;
        this.miles = miles;
        this.balanceAfter = balanceAfter;
        this.eventId = eventId.toString();
        this.recordedAt = recordedAt;
    }

    public Long id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public long reservationId() {
        return reservationId;
    }

    public EntryKind kind() {
        return kind;
    }

    /** Positive for an accrual, negative (or zero) for a reversal. */
    public long miles() {
        return miles;
    }

    public long balanceAfter() {
        return balanceAfter;
    }

    public String eventId() {
        return eventId;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
