package com.msaair.reservation.application;

import static com.msaair.reservation.application.ReservationUseCases.FLIGHT;
import static com.msaair.reservation.application.ReservationUseCases.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.reservation.domain.Payments.PaymentOutcome;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A hold that runs out unpaid gives its seats back (EXPIRED), one round of the background at a time. */
class HoldExpiryTest {

    private final ReservationUseCases app = new ReservationUseCases().withFlight();

    HoldExpiryTest() {
        app.payment = (reservation, captureBefore) -> PaymentOutcome.PENDING;
    }

    @Test
    void aHoldThatRanOutIsReleasedAsExpiredAndTheOthersStayHeld() {
        Reservation first = app.book(2);
        app.clock.advance(Duration.ofMinutes(5));
        Reservation second = app.book(1);
        app.payment = (reservation, captureBefore) -> PaymentOutcome.PAID;
        Reservation paid = app.book(1);

        app.clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(app.holdExpiry.round(() -> true)).as("nothing to do: the poller may wait longer").isFalse();
        assertThat(first.status()).as("a millisecond before its hold runs out").isEqualTo(ReservationStatus.HELD);

        app.clock.advance(Duration.ofMillis(1));
        assertThat(app.holdExpiry.round(() -> true)).as("work found").isTrue();

        assertThat(first.status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(first.releaseReason()).isEqualTo("hold_expired");
        assertThat(first.releasedAt()).isEqualTo(NOW.plusSeconds(900));
        assertThat(second.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(app.flight().seatsAvailable()).isEqualTo(178);
        assertThat(app.seats.occupied(FLIGHT)).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(second.seats().stream(), paid.seats().stream()).toList());
        assertThat(app.outbox.published()).last().satisfies(released -> {
            assertThat(released.type()).isEqualTo("ReservationReleased");
            assertThat(released.event().correlationId()).isEqualTo(String.valueOf(first.id()));
            assertThat(released.event().data().getString("status")).isEqualTo("EXPIRED");
        });

        app.clock.advance(Duration.ofHours(1));
        app.holdExpiry.round(() -> true);
        assertThat(second.status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(paid.status()).as("a paid booking has no hold to run out").isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(app.outbox.types()).filteredOn("ReservationReleased"::equals).as("each released once").hasSize(2);
    }

    @Test
    void aRoundStopsWhenItMayNotGoOn() {
        Reservation held = app.book(1);
        app.clock.advance(Duration.ofHours(1));

        app.holdExpiry.round(() -> false);

        assertThat(held.status()).as("the lease is gone: the next holder releases it").isEqualTo(ReservationStatus.HELD);
    }
}
