package com.msaair.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.notification.domain.DeliveryChannel;
import com.msaair.notification.domain.DeliveryStatus;
import com.msaair.notification.domain.Notification;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.testing.SteppingClock;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An event becomes one notification of its customer, waiting for delivery or, with no mail server, logged at once. */
class NotificationServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    private final SteppingClock clock = new SteppingClock(NOW);
    private final InMemoryNotifications notifications = new InMemoryNotifications();
    private final NotificationService service = notifications.service(clock, true);

    private static EventEnvelope event(String type) {
        return new EventEnvelope(UUID.randomUUID(), type, NOW.minusSeconds(3), "r-1001", null, "c-7", JsonValue.EMPTY_JSON_OBJECT);
    }

    @Test
    void anEventBecomesOneNotificationOfItsCustomerWaitingForDelivery() {
        EventEnvelope confirmed = event("ReservationCreated");

        service.notify(confirmed, "c-7", "Reservation 1001 is confirmed.");

        assertThat(service.ofCustomer("c-7", 0, 10)).singleElement().satisfies(n -> {
            assertThat(n.eventId()).isEqualTo(confirmed.eventId().toString());
            assertThat(n.eventType()).isEqualTo("ReservationCreated");
            assertThat(n.correlationId()).isEqualTo("r-1001");
            assertThat(n.message()).isEqualTo("Reservation 1001 is confirmed.");
            assertThat(n.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(n.createdAt()).isEqualTo(NOW);
            assertThat(n.isDue(NOW)).as("for the next delivery round").isTrue();
        });
        assertThat(service.countOfCustomer("c-7")).isEqualTo(1);
        assertThat(service.countOfCustomer("c-8")).isZero();
    }

    @Test
    void withoutAMailServerTheLogIsTheChannelAndTheNotificationIsDeliveredAtOnce() {
        NotificationService service = notifications.service(clock, false);

        service.notify(event("MileageIncreased"), "c-7", "1,000 miles added, balance 1,000.");

        Notification logged = notifications.all().get(0);
        assertThat(logged.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(logged.channel()).isEqualTo(DeliveryChannel.LOG);
        assertThat(logged.deliveredAt()).isEqualTo(NOW);
        assertThat(logged.isDue(NOW.plusSeconds(3600))).isFalse();
    }

    @Test
    void whatWaitedForTheCustomersAddressIsDueAsSoonAsItArrives() {
        service.notify(event("ReservationCreated"), "c-7", "confirmed");
        Notification waiting = notifications.all().get(0);
        waiting.awaitContact("no e-mail address known for customer c-7 yet", Duration.ofMinutes(1), NOW);
        clock.advance(Duration.ofSeconds(10));

        service.contactRegistered("c-7", "Kim Minji", "minji@example.com");

        assertThat(notifications.contact("c-7")).hasValueSatisfying(contact -> {
            assertThat(contact.name()).isEqualTo("Kim Minji");
            assertThat(contact.email()).isEqualTo("minji@example.com");
        });
        assertThat(waiting.isDue(clock.instant())).as("not a minute later").isTrue();
    }
}
