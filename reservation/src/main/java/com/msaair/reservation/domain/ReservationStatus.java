package com.msaair.reservation.domain;

/**
 * Where a booking stands. HELD → CONFIRMED (paid) or released (PAYMENT_FAILED, EXPIRED); HELD or
 * CONFIRMED → CANCELLED. The seats of a HELD or CONFIRMED booking are taken; a released or cancelled
 * one gave them back.
 */
public enum ReservationStatus {
    /** Seats taken, awaiting payment until the hold expires. */
    HELD,
    /** Paid. */
    CONFIRMED,
    /** The payment was declined; the seats went back at once. */
    PAYMENT_FAILED,
    /** The hold ran out before a payment was taken; the seats went back. */
    EXPIRED,
    /** Cancelled by the customer or with the flight; refunded by the fare rule. */
    CANCELLED;

    /** Whether a booking in this status holds seats. */
    public boolean holdsSeats() {
        return this == HELD || this == CONFIRMED;
    }
}
