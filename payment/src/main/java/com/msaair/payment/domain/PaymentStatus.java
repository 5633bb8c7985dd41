package com.msaair.payment.domain;

/** Where a payment stands. Only PENDING changes to another status. */
public enum PaymentStatus {
    /** Opened for a held booking; the charge has not been answered yet (it is tried again until its deadline). */
    PENDING,
    /** The money was taken. Refunds, if any, are counted on the payment, not in its status. */
    CAPTURED,
    /** The processor refused the charge; nothing was taken. */
    DECLINED,
    /** The booking ended before it was paid (released, expired, cancelled); a capture that lands anyway is owed back in full. */
    VOIDED
}
