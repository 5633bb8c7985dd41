package com.msaair.notification.application;

import com.msaair.notification.domain.Contact;
import com.msaair.notification.domain.DeliveryChannel;
import com.msaair.notification.domain.DeliveryStatus;
import com.msaair.notification.domain.Mailer;
import com.msaair.notification.domain.Messages;
import com.msaair.notification.domain.Notification;
import com.msaair.notification.domain.NotificationRepository;
import com.msaair.notification.domain.RetryPolicy;
import com.msaair.platform.lease.Leases;
import com.msaair.platform.worker.Backoff;
import com.msaair.platform.worker.HeldLease;
import com.msaair.platform.tx.Transactions;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers stored notifications by e-mail, on a managed executor, one replica at a time (a lease).
 * The mail is sent outside any transaction; only the outcome is recorded. A failure is retried with
 * exponential backoff and, after the last attempt, kept as FAILED with its error. A crash between
 * sending and recording means the mail may be sent twice, never lost.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class.getName());
    static final String LEASE = "notification-delivery";
    private static final Duration LEASE_TIME = Duration.ofSeconds(30);
    /** Room for recording a mail's outcome and for the replicas' clocks to differ, beyond the mail itself. */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    @Inject
    NotificationRepository notifications;

    @Inject
    Mailer mailer;

    @Inject
    Leases leases;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    @ConfigProperty(name = "msaair.delivery.poll-interval-ms", defaultValue = "1000")
    long pollIntervalMs;

    @Inject
    @ConfigProperty(name = "msaair.delivery.batch-size", defaultValue = "50")
    int batchSize;

    @Inject
    @ConfigProperty(name = "msaair.delivery.max-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "msaair.delivery.first-retry-delay-ms", defaultValue = "2000")
    long firstRetryDelayMs;

    @Inject
    @ConfigProperty(name = "msaair.delivery.max-retry-delay-ms", defaultValue = "60000")
    long maxRetryDelayMs;

    private RetryPolicy policy;
    private HeldLease lease;
    private ScheduledFuture<?> poller;

    @Inject
    MailDeliveries deliveries;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        policy = new RetryPolicy(maxAttempts, Backoff.of(firstRetryDelayMs, maxRetryDelayMs));
        lease = new HeldLease(leases, LEASE, LEASE_TIME, clock);
        if (mailer.isConfigured()) {
            poller = executor.scheduleWithFixedDelay(this::deliverDue, pollIntervalMs, pollIntervalMs, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.cancel(false);
        }
    }

    void deliverDue() {
        try {
            Instant now = clock.instant();
            if (!lease.holdFor(mailer.maxTimePerMail().plus(MARGIN))) {
                return;
            }
            List<Long> due = transactions.inNewTransaction(() -> notifications.due(now, batchSize));
            for (long id : due) {
                // With a slow mail server a round can outlast the lease; the rest then waits for the next
                // round rather than being sent alongside the replica that holds the lease by then.
                if (!lease.holdFor(mailer.maxTimePerMail().plus(MARGIN))) {
                    return;
                }
                deliver(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Notification delivery round failed; trying again in " + pollIntervalMs + " ms", e);
        }
    }

    /** When this replica's delivery lease ends, as far as it knows. */
    Instant leaseEndsAt() {
        return lease.expiresAt();
    }

    private void deliver(long id) {
        record Attempt(Notification notification, Optional<Contact> contact) {}
        Attempt attempt = transactions.inNewTransaction(() -> notifications.find(id)
                .filter(n -> n.isDue(clock.instant()))
                .map(n -> new Attempt(n, notifications.contact(n.customerId())))
                .orElse(null));
        if (attempt == null) {
            return;
        }
        if (attempt.contact().isEmpty()) {
            String waiting = "no e-mail address known for customer " + attempt.notification().customerId() + " yet";
            transactions.runInNewTransaction(() -> notifications.find(id)
                    .ifPresent(n -> n.awaitContact(waiting, policy.maxDelay(), clock.instant())));
            return;
        }
        String error = null;
        try {
            mailer.send(attempt.contact().get().email(), Messages.subject(attempt.notification().eventType()),
                    attempt.notification().message());
        } catch (Mailer.MailFailure e) {
            error = e.getMessage();
        }
        String failure = error;
        DeliveryStatus status = transactions.inNewTransaction(() -> notifications.find(id).map(n -> {
            if (failure == null) {
                n.delivered(DeliveryChannel.EMAIL, clock.instant());
            } else {
                n.failed(DeliveryChannel.EMAIL, failure, policy, clock.instant());
            }
            return n.status();
        }).orElse(null));
        if (status != null) {
            deliveries.attempted(status);
        }
    }
}
