package com.msaair.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(3, new com.msaair.platform.worker.Backoff(Duration.ofSeconds(2), Duration.ofSeconds(5)));

    @Test
    void aFailedDeliveryIsRetriedWithBackoffThenGivenUpAndKept() {
        Notification n = Notification.of("c-1", "e1", "ReservationCreated", "7", "hello", NOW);
        assertThat(n.isDue(NOW)).isTrue();

        n.failed(DeliveryChannel.EMAIL, "connection refused", POLICY, NOW);
        assertThat(n.status()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(n.nextAttemptAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(n.isDue(NOW.plusSeconds(1))).isFalse();

        n.failed(DeliveryChannel.EMAIL, "connection refused", POLICY, NOW);
        assertThat(n.nextAttemptAt()).isEqualTo(NOW.plusSeconds(4));
        n.failed(DeliveryChannel.EMAIL, "x".repeat(2000), POLICY, NOW);
        assertThat(n.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(n.attempts()).isEqualTo(3);
        assertThat(n.lastError()).hasSize(Notification.MAX_ERROR_LENGTH);
        assertThat(n.isDue(NOW.plusSeconds(3600))).isFalse();
    }

    @Test
    void aDeliveredNotificationIsNoLongerDue() {
        Notification n = Notification.of("c-1", "e1", "MileageIncreased", "7", "hello", NOW);
        n.delivered(DeliveryChannel.LOG, NOW);
        assertThat(n.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(n.deliveredAt()).isEqualTo(NOW);
        assertThat(n.isDue(NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        assertThat(POLICY.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(POLICY.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(POLICY.delayAfter(3)).isEqualTo(Duration.ofSeconds(5));
        assertThat(POLICY.delayAfter(60)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theWordsCustomersRead() {
        assertThat(Messages.milesAdded(10_000, 11_000)).isEqualTo("10,000 miles added, balance 11,000.");
        assertThat(Messages.milesRemoved(3_000, 0)).isEqualTo("3,000 miles removed, balance 0.");
        assertThat(Messages.reservationConfirmed(7, "KE1234", Instant.parse("2026-12-24T09:00:00Z"), 1, List.of("14C"),
                new com.msaair.platform.domain.Money(1250, "USD")))
                .isEqualTo("Reservation 7 is confirmed — flight KE1234 departing 2026-12-24 09:00 UTC, 1 passenger (seat 14C), 12.50 USD paid.");
        assertThat(Messages.reservationConfirmed(7, "KE1234", Instant.parse("2026-12-24T09:00:00Z"), 2, List.of(),
                new com.msaair.platform.domain.Money(1250, "USD"))).as("a booking from before seats")
                .isEqualTo("Reservation 7 is confirmed — flight KE1234 departing 2026-12-24 09:00 UTC, 2 passengers, 12.50 USD paid.");
        assertThat(Messages.reservationCancelled(7, "KE1234", "FLIGHT_CANCELLED", List.of("12A", "12B")))
                .isEqualTo("Reservation 7 is cancelled because the airline cancelled flight KE1234. Seats 12A, 12B are free again.");
        assertThat(Messages.reservationCancelled(7, "KE1234", "CUSTOMER_REQUEST", List.of())).isEqualTo("Reservation 7 is cancelled.");
        assertThat(Messages.paymentFailed(7, "KE1234", "card_declined", List.of("3C")))
                .startsWith("The payment for reservation 7 on flight KE1234 was declined (card declined); seat 3C was released.");
        assertThat(Messages.holdExpired(7, "KE1234", List.of())).contains("the held seats were released");
    }
}
