package com.msaair.history.domain;

/** What happened, in the customer's words. */
public enum EntryKind {
    REGISTERED,
    BOOKED,
    CANCELLED,
    MILES_ADDED,
    MILES_REMOVED
}
