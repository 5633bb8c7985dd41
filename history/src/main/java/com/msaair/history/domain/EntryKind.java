package com.msaair.history.domain;

/** What happened, in the customer's words. */
public enum EntryKind {
    REGISTERED,
    /** A booking was paid and confirmed (with the amount paid). */
    BOOKED,
    /** A held booking's payment was declined; its seats went back. */
    PAYMENT_FAILED,
    /** A held booking was not paid in time; its seats went back. */
    HOLD_EXPIRED,
    CANCELLED,
    /** Money went back (with the amount). */
    REFUNDED,
    MILES_ADDED,
    MILES_REMOVED
}
