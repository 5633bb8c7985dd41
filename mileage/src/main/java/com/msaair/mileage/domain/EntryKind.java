package com.msaair.mileage.domain;

public enum EntryKind {
    /** Miles added for a booking. */
    ACCRUAL,
    /** The miles of a booking taken back when it was cancelled. */
    REVERSAL
}
