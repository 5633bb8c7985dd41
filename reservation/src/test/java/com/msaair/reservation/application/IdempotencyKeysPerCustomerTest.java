package com.msaair.reservation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.reservation.domain.ReservationException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An idempotency key is its customer's: the rule {@link BookingService} replays by. */
class IdempotencyKeysPerCustomerTest {

    private final BookingService bookings = new BookingService();

    IdempotencyKeysPerCustomerTest() {
        bookings.idempotencyKeys = new InMemoryIdempotencyKeys();
    }

    private static BookFlight booking(String customer, int passengers, String key) {
        return new BookFlight(customer, 7, passengers, "pm_card_visa", Optional.ofNullable(key), java.util.List.of());
    }

    private void booked(BookFlight command, long reservationId) {
        bookings.idempotencyKeys.record(command.customerId(), command.idempotencyKey().orElseThrow(), command.fingerprint(), reservationId,
                Instant.parse("2027-03-01T09:00:00Z"));
    }

    @Test
    void theSameCustomerRepeatingAKeyGetsTheFirstBooking() {
        booked(booking("minji", 2, "minji-2027-03-01"), 81);

        assertThat(bookings.earlierBooking(booking("minji", 2, "minji-2027-03-01"))).contains(81L);
    }

    @Test
    void anotherCustomersEqualKeyIsAnotherKey() {
        booked(booking("mallory", 1, "minji-2027-03-01"), 80);

        assertThat(bookings.earlierBooking(booking("minji", 2, "minji-2027-03-01"))).as("minji books anew, learning nothing").isEmpty();
        booked(booking("minji", 2, "minji-2027-03-01"), 81);
        assertThat(bookings.earlierBooking(booking("mallory", 1, "minji-2027-03-01"))).contains(80L);
        assertThat(bookings.earlierBooking(booking("minji", 2, "minji-2027-03-01"))).contains(81L);
    }

    @Test
    void theSameCustomerReusingAKeyForOtherTermsIsRefused() {
        booked(booking("minji", 2, "minji-2027-03-01"), 81);

        assertThatThrownBy(() -> bookings.earlierBooking(booking("minji", 3, "minji-2027-03-01")))
                .isInstanceOfSatisfying(ReservationException.class, e -> assertThat(e.code()).isEqualTo("idempotency-key-reused"));
    }

    @Test
    void noKeyNoReplay() {
        assertThat(bookings.earlierBooking(booking("minji", 2, null))).isEmpty();
    }
}
