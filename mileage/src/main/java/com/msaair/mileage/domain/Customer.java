package com.msaair.mileage.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A registered customer and their mileage balance. Miles change only through the ledger: an accrual
 * when a booking is made, the same amount taken back when it is cancelled — never another amount,
 * never twice.
 */
public class Customer {

    public static final int MAX_NAME_LENGTH = 100;

    private String id;
    private String name;
    private Email email;
    private long balance;
    private Instant registeredAt;
    private long version;

    protected Customer() {
        // for the persistence adapter
    }

    private Customer(String id, String name, Email email, Instant registeredAt) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.registeredAt = registeredAt;
    }

    /** @param id who the customer is: the subject of their token, given by the identity provider */
    public static Customer register(String id, String name, Email email, Instant now) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a name of 1 to " + MAX_NAME_LENGTH + " characters is required");
        }
        return new Customer(id, name.strip(), email, now);
    }

    /**
     * Accrues a booking's miles, unless that booking was already accrued or already reversed (its
     * cancellation overtook it). Returns the new ledger entry, if there is one.
     *
     * @param ledger what the ledger already holds for this booking
     */
    public Optional<MileageEntry> accrue(long reservationId, long miles, BookingLedger ledger, UUID eventId, Instant now) {
        if (miles <= 0) {
            throw new IllegalArgumentException("miles to accrue must be positive");
        }
        if (ledger.accrual().isPresent() || ledger.reversal().isPresent()) {
            return Optional.empty();
        }
        balance = Math.addExact(balance, miles);
        return Optional.of(new MileageEntry(id, reservationId, EntryKind.ACCRUAL, miles, balance, eventId, now));
    }

    /**
     * Takes back exactly what the booking accrued. A cancellation that overtook its booking's accrual
     * is recorded as a reversal of zero miles, so the late accrual is skipped rather than kept.
     */
    public Optional<MileageEntry> reverse(long reservationId, BookingLedger ledger, UUID eventId, Instant now) {
        if (ledger.reversal().isPresent()) {
            return Optional.empty();
        }
        long miles = ledger.accrual().map(MileageEntry::miles).orElse(0L);
        balance = Math.subtractExact(balance, miles);
        return Optional.of(new MileageEntry(id, reservationId, EntryKind.REVERSAL, -miles, balance, eventId, now));
    }

    /** A booking's lines in the ledger. */
    public record BookingLedger(Optional<MileageEntry> accrual, Optional<MileageEntry> reversal) {
        public static final BookingLedger EMPTY = new BookingLedger(Optional.empty(), Optional.empty());
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Email email() {
        return email;
    }

    public long balance() {
        return balance;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
