package com.msaair.reservation.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BookFlightTest {

    private static String fingerprint(String... seats) {
        return new BookFlight("c-1", 5, seats.length == 0 ? 2 : seats.length, "pm_card_visa", Optional.of("k"), List.of(seats)).fingerprint();
    }

    @Test
    void theSameKeyWithOtherSeatsIsAnotherRequestButTheirOrderIsNot() {
        assertThat(fingerprint("12A", "12B")).isEqualTo(fingerprint("12B", "12A"));
        assertThat(fingerprint("12A", "12B")).isNotEqualTo(fingerprint("12A", "12C"));
        assertThat(fingerprint()).as("as before seats, so keys recorded then still match").isEqualTo("c-1/5/2/pm_card_visa");
        assertThat(fingerprint("101A", "101B", "101C", "101D", "101E", "101F", "102A", "102B", "102C")).hasSizeLessThan(60);
    }
}
