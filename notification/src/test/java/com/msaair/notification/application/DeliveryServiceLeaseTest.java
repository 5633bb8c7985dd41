package com.msaair.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.notification.domain.Contact;
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
 * A delivery round stays inside its lease, so a slow mail server cannot make two replicas send the
 * same mail. Repository, mail server and lease are fakes: the round's own bookkeeping is under test.
 */
class DeliveryServiceLeaseTest {

    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

    private final SteppingClock clock = new SteppingClock(START);
    private final InMemoryNotifications notifications = new InMemoryNotifications();
    private final SlowMailer mailer = new SlowMailer(clock);
    private final DeliveryService delivery = new DeliveryService();
    private int grants = Integer.MAX_VALUE;
    private final Leases leases = new Leases() {
        @Override
        public boolean hold(String name, Instant now, Instant until) {
            return grants-- > 0;
        }
    };

    DeliveryServiceLeaseTest() {
        notifications.saveContact(new Contact("c-7", "Kim", "kim@example.com"));
        delivery.attempts = new DeliveryAttempts();
        delivery.attempts.notifications = notifications;
        delivery.attempts.clock = clock;
        delivery.mailer = mailer;
        delivery.metrics = new MailDeliveryMetrics() {
            @Override
            void attempted(com.msaair.notification.domain.DeliveryStatus status) {}
        };
        delivery.rounds = new LeasedRounds(leases, clock);
        delivery.settings = new DeliverySettings();
        delivery.settings.batchSize = 50;
        delivery.settings.maxAttempts = 8;
        delivery.settings.firstRetryDelayMs = 2000;
        delivery.settings.maxRetryDelayMs = 60000;
        delivery.start(null); // the mailer reports itself unconfigured: no poller, rounds are run by hand
        mailer.delivery = delivery;
    }

    @Test
    void aRoundStopsBeforeAMailOnceItsLeaseHasPassedToAnotherReplica() {
        for (int i = 0; i < 20; i++) {
            notifications.add(Notification.of("c-7", "event-" + i, "ReservationCreated", "7", "hello " + i, START));
        }
        grants = 1; // taken at 0 s; the renewal due at 15 s finds it held by another replica

        delivery.rounds.runRound(); // each mail takes the server 5 s

        assertThat(mailer.sent).as("mails begun at 0, 5 and 10 s").hasSize(3);
        assertThat(notifications.all()).filteredOn(n -> n.status() == DeliveryStatus.SENT).hasSize(3);
        assertThat(notifications.due(clock.instant(), 50)).as("left for the replica holding the lease").hasSize(17);
    }

    @Test
    void aRoundWhoseLeaseIsRenewedBeginsEachMailWithTimeEnoughToFinishIt() {
        for (int i = 0; i < 20; i++) {
            notifications.add(Notification.of("c-7", "event-" + i, "ReservationCreated", "7", "hello " + i, START));
        }

        delivery.rounds.runRound();

        assertThat(mailer.sent).hasSize(20);
        assertThat(mailer.leaseLeftAtStart).allSatisfy(left -> assertThat(left).isGreaterThanOrEqualTo(mailer.maxTimePerMail()));
    }

    @Test
    void aNotificationWaitingForItsCustomersAddressIsNeverUsedUpAndGoesWhenTheAddressArrives() {
        notifications.add(Notification.of("c-8", "event-1", "ReservationCreated", "8", "hello", START));
        for (int round = 0; round < 20; round++) {
            delivery.rounds.runRound();
            clock.advance(Duration.ofMinutes(1));
        }
        Notification waiting = notifications.all().get(0);
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(waiting.attempts()).as("waiting for an address is not an attempt").isZero();

        // what NotificationService.contactRegistered does when the customer's CustomerRegistered arrives
        notifications.saveContact(new Contact("c-8", "Lee", "lee@example.com"));
        notifications.makeDue("c-8", clock.instant());
        delivery.rounds.runRound();

        assertThat(mailer.sent).containsExactly("hello");
    }

    static final class SlowMailer implements Mailer {
        private final SteppingClock clock;
        final List<String> sent = new ArrayList<>();
        final List<Duration> leaseLeftAtStart = new ArrayList<>();
        DeliveryService delivery;

        SlowMailer(SteppingClock clock) {
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
            if (delivery != null) {
                leaseLeftAtStart.add(Duration.between(clock.instant(), delivery.rounds.leaseEndsAt()));
            }
            clock.advance(Duration.ofSeconds(5));
            sent.add(body);
        }
    }
}
