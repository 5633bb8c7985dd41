package com.msaair.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.notification.domain.Contact;
import com.msaair.notification.domain.DeliveryStatus;
import com.msaair.notification.domain.Mailer;
import com.msaair.notification.domain.Notification;
import com.msaair.notification.domain.NotificationRepository;
import com.msaair.platform.lease.Leases;
import com.msaair.platform.testing.SteppingClock;
import com.msaair.platform.tx.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    DeliveryServiceLeaseTest() {
        delivery.notifications = notifications;
        delivery.mailer = mailer;
        delivery.clock = clock;
        delivery.transactions = new Transactions();
        delivery.leases = new Leases() {
            @Override
            public boolean hold(String name, Instant now, Instant until) {
                return true;
            }
        };
        delivery.batchSize = 50;
        delivery.maxAttempts = 8;
        delivery.firstRetryDelayMs = 2000;
        delivery.maxRetryDelayMs = 60000;
        delivery.start(null); // the mailer reports itself unconfigured: no poller, rounds are run by hand
    }

    @Test
    void aRoundBeginsNoMailItCouldNotFinishWithinTheLease() {
        for (int i = 0; i < 20; i++) {
            notifications.add(Notification.of(7, "event-" + i, "ReservationCreated", "7", "hello " + i, START));
        }

        delivery.deliverDue(); // each mail takes the server 5 s; the lease lasts 30 s

        assertThat(mailer.sent).as("mails begun at 0, 5, 10, 15 and 20 s").hasSize(5);
        assertThat(notifications.all()).filteredOn(n -> n.status() == DeliveryStatus.SENT).hasSize(5);
        assertThat(notifications.due(clock.instant(), 50)).as("left for the next round").hasSize(15);
    }

    static final class SlowMailer implements Mailer {
        private final SteppingClock clock;
        final List<String> sent = new ArrayList<>();

        SlowMailer(SteppingClock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isConfigured() {
            return false;
        }

        @Override
        public void send(String to, String subject, String body) {
            clock.advance(Duration.ofSeconds(5));
            sent.add(body);
        }
    }

    static final class InMemoryNotifications implements NotificationRepository {
        private final Map<Long, Notification> byId = new LinkedHashMap<>();

        @Override
        public void add(Notification notification) {
            byId.put((long) byId.size() + 1, notification);
        }

        List<Notification> all() {
            return List.copyOf(byId.values());
        }

        @Override
        public Optional<Notification> find(long id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public List<Long> due(Instant now, int limit) {
            return byId.entrySet().stream().filter(e -> e.getValue().isDue(now)).map(Map.Entry::getKey).limit(limit).toList();
        }

        @Override
        public List<Notification> ofCustomer(long customerId, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long countOfCustomer(long customerId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveContact(Contact contact) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Contact> contact(long customerId) {
            return Optional.of(new Contact(customerId, "Kim", "kim@example.com"));
        }
    }
}
