package com.msaair.notification.domain;

public enum DeliveryStatus {
    /** Waiting for its first delivery attempt. */
    PENDING,
    /** An attempt failed; another is scheduled. */
    RETRYING,
    /** Delivered through its channel. */
    SENT,
    /** Every attempt failed; kept, with the last error, for an operator. */
    FAILED
}
