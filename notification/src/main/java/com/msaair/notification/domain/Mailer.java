package com.msaair.notification.domain;

import java.time.Duration;

/** Sends an e-mail (a port; the adapter speaks SMTP through Jakarta Mail). */
public interface Mailer {

    /** Whether an SMTP server is configured at all; without one, notifications go to the log. */
    boolean isConfigured();

    /** The longest one {@link #send} can take; a slower mail fails with a {@link MailFailure}. */
    Duration maxTimePerMail();

    /** @throws MailFailure when the message could not be handed to the SMTP server */
    void send(String to, String subject, String body);

    class MailFailure extends RuntimeException {
        public MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
