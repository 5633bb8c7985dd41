package com.msaair.notification.domain;

/** Sends an e-mail (a port; the adapter speaks SMTP through Jakarta Mail). */
public interface Mailer {

    /** Whether an SMTP server is configured at all; without one, notifications go to the log. */
    boolean isConfigured();

    /** @throws MailFailure when the message could not be handed to the SMTP server */
    void send(String to, String subject, String body);

    class MailFailure extends RuntimeException {
        public MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
