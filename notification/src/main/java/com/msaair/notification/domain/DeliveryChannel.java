package com.msaair.notification.domain;

public enum DeliveryChannel {
    /** An e-mail through the configured SMTP server. */
    EMAIL,
    /** No SMTP server is configured: the notification is written to the server log. */
    LOG
}
