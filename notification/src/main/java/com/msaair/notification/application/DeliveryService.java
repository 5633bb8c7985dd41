package com.msaair.notification.application;

import com.msaair.notification.application.DeliveryAttempts.Attempt;
import com.msaair.notification.domain.Mailer;
import com.msaair.notification.domain.Messages;
import com.msaair.notification.domain.RetryPolicy;
import com.msaair.platform.worker.LeasedRounds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Delivers stored notifications by e-mail, in rounds by the one replica holding the lease
 * ({@link LeasedRounds}), and only when a mail server is configured.
 * The mail is sent outside any transaction; only the outcome is recorded. A failure is retried with
 * exponential backoff and, after the last attempt, kept as FAILED with its error. A crash between
 * sending and recording means the mail may be sent twice, never lost.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class.getName());
    static final String LEASE = "notification-delivery";
    private static final Duration LEASE_TERM = Duration.ofSeconds(30);
    /** Room for recording a mail's outcome and for the replicas' clocks to differ, beyond the mail itself. */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    @Inject
    DeliveryAttempts attempts;

    @Inject
    Mailer mailer;

    @Inject
    DeliverySettings settings;

    private RetryPolicy policy;
    @Inject
    LeasedRounds rounds;

    @Inject
    MailDeliveryMetrics metrics;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        policy = settings.retryPolicy();
        rounds.job(LEASE, LEASE_TERM, mailer.maxTimePerMail().plus(MARGIN), this::round, LOG);
        if (mailer.isConfigured()) {
            rounds.start(settings.pollInterval());
        }
    }

    /**
     * Sends what is due, each mail begun only with time enough left of the lease to finish it: with a
     * slow mail server a round can outlast the lease, and the rest then waits for the next round rather
     * than being sent alongside the replica that holds the lease by then.
     */
    boolean round(BooleanSupplier mayGoOn) {
        List<Long> due = attempts.due(settings.batchSize());
        for (long id : due) {
            if (!mayGoOn.getAsBoolean()) {
                break;
            }
            deliver(id);
        }
        return !due.isEmpty();
    }

    private void deliver(long id) {
        Attempt attempt = attempts.begin(id).orElse(null);
        if (attempt == null) {
            return;
        }
        if (attempt.contact().isEmpty()) {
            attempts.awaitContact(id, "no e-mail address known for customer " + attempt.notification().customerId() + " yet", policy.maxDelay());
            return;
        }
        String error = null;
        try {
            mailer.send(attempt.contact().get().email(), Messages.subject(attempt.notification().eventType()),
                    attempt.notification().message());
        } catch (Mailer.MailFailure e) {
            error = e.getMessage();
        }
        attempts.sent(id, error, policy).ifPresent(metrics::attempted);
    }
}
