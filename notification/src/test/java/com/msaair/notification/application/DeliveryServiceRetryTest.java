package com.msaair.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.notification.domain.Contact;
import com.msaair.notification.domain.DeliveryChannel;
import com.msaair.notification.domain.DeliveryStatus;
import com.msaair.notification.domain.Mailer;
import com.msaair.notification.domain.Notification;
import com.msaair.platform.lease.Leases;
import com.msaair.platform.testing.SteppingClock;
import com.msaair.platform.worker.LeasedRounds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The retry policy of mail delivery: a failed mail is tried again after a wait that doubles up to a
 * ceiling, and kept as FAILED after the last attempt. Rounds are run by hand, a second apart.
 */
class DeliveryServiceRetryTest {

    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

    private final SteppingClock clock = new SteppingClock(START);
    private final InMemoryNotifications notifications = new InMemoryNotifications();
    private final FlakyMailer mailer = new FlakyMailer(clock);
    private final List<DeliveryStatus> outcomes = new ArrayList<>();
    private final DeliveryService delivery = new DeliveryService();

    DeliveryServiceRetryTest() {
        notifications.saveContact(new Contact("c-7", "Kim", "kim@example.com"));
        delivery.attempts = new DeliveryAttempts();
        delivery.attempts.notifications = notifications;
        delivery.attempts.clock = clock;
        delivery.mailer = mailer;
        delivery.metrics = new MailDeliveryMetrics() {
            @Override
            void attempted(DeliveryStatus status) {
                outcomes.add(status);
            }
        };
        delivery.rounds = new LeasedRounds(new Leases() {
            @Override
            public boolean hold(String name, Instant now, Instant until) {
                return true;
            }
        }, clock);
        delivery.settings = new DeliverySettings();
        delivery.settings.batchSize = 50;
        delivery.settings.maxAttempts = 8;
        delivery.settings.firstRetryDelayMs = 2000;
        delivery.settings.maxRetryDelayMs = 60000;
        delivery.start(null); // the mailer reports itself unconfigured: no poller, rounds are run by hand
    }

    private void runRoundsFor(Duration duration) {
        for (long second = 0; second < duration.toSeconds(); second++) {
            delivery.rounds.runRound();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void aFailingMailIsTriedAgainAfterADoublingWaitUpToTheCeilingThenKeptAsFailed() {
        mailer.failures = Integer.MAX_VALUE;
        notifications.add(Notification.of("c-7", "event-1", "ReservationCreated", "7", "confirmed", START));

        runRoundsFor(Duration.ofMinutes(10));

        assertThat(mailer.attemptedAt).as("waits of 2, 4, 8, 16, 32, then 60 s at most; 8 attempts in all")
                .containsExactly(0L, 2L, 6L, 14L, 30L, 62L, 122L, 182L);
        Notification failed = notifications.all().get(0);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(8);
        assertThat(failed.channel()).isEqualTo(DeliveryChannel.EMAIL);
        assertThat(failed.lastError()).as("kept for an operator").isEqualTo("421 try again later");
        assertThat(failed.nextAttemptAt()).isNull();
        assertThat(outcomes).hasSize(8).startsWith(DeliveryStatus.RETRYING).endsWith(DeliveryStatus.FAILED)
                .filteredOn(DeliveryStatus.RETRYING::equals).hasSize(7);
    }

    @Test
    void aMailThatGoesThroughOnItsThirdAttemptIsSentOnceToTheCustomersAddress() {
        mailer.failures = 2;
        notifications.add(Notification.of("c-7", "event-1", "ReservationCreated", "7", "confirmed", START));

        runRoundsFor(Duration.ofMinutes(2));

        assertThat(mailer.sent).containsExactly("kim@example.com | Your MSA Air reservation is confirmed | confirmed");
        Notification sent = notifications.all().get(0);
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.deliveredAt()).isEqualTo(START.plusSeconds(6));
        assertThat(outcomes).containsExactly(DeliveryStatus.RETRYING, DeliveryStatus.RETRYING, DeliveryStatus.SENT);
    }

    @Test
    void aRoundTakesAtMostABatchOldestDueFirst() {
        delivery.settings.batchSize = 2;
        for (int i = 1; i <= 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            notifications.add(Notification.of("c-7", "event-" + i, "MileageIncreased", "7", "miles " + i, clock.instant()));
        }

        delivery.rounds.runRound();

        assertThat(mailer.sent).extracting(mail -> mail.substring(mail.lastIndexOf(' ') + 1)).containsExactly("1", "2");
        delivery.rounds.runRound();
        assertThat(mailer.sent).hasSize(3);
    }

    @Test
    void aRoundThatFailsLeavesTheNextRoundsToCarryOn() {
        notifications.add(Notification.of("c-7", "event-1", "PaymentRefunded", "7", "refunded", START));
        notifications.dueFailure = () -> {
            notifications.dueFailure = () -> null;
            return new IllegalStateException("database restarting");
        };

        delivery.rounds.runRound(); // logged, not thrown: a scheduled task that throws is never run again
        delivery.rounds.runRound();

        assertThat(mailer.sent).singleElement().asString().endsWith("| refunded");
    }

    /** Fails its first {@code failures} mails, as an SMTP server turning them away for a while. */
    static final class FlakyMailer implements Mailer {
        int failures;
        private int attempts;
        final List<Long> attemptedAt = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        private final SteppingClock clock;

        FlakyMailer(SteppingClock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isConfigured() {
            return false;
        }

        @Override
        public Duration maxTimePerMail() {
            return Duration.ofSeconds(5);
        }

        @Override
        public void send(String to, String subject, String body) {
            attemptedAt.add(Duration.between(START, clock.instant()).toSeconds());
            if (attempts++ < failures) {
                throw new MailFailure("421 try again later", null);
            }
            sent.add(to + " | " + subject + " | " + body);
        }
    }
}
