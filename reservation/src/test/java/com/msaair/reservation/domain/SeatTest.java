package com.msaair.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SeatTest {

    @Test
    void aSeatIsItsRowAndItsLetter() {
        assertThat(Seat.parse("12A")).isEqualTo(new Seat(12, 'A'));
        assertThat(Seat.parse("1F").toString()).isEqualTo("1F");
        assertThat(Seat.parse("999Z").row()).isEqualTo(999);
    }

    @Test
    void nothingElseIsASeat() {
        String cyrillicA = "1\u0410";
        String fullwidth = "\uFF11\uFF21";
        String arabicIndicOne = "\u0661A";
        for (String text : Stream.of(List.of("0A", "01A", "1a", "a1", "A1", "12", "A", "", " 1A", "1A ", "1000A", "12AB", "1-A", "1\u0000A",
                cyrillicA, fullwidth, arabicIndicOne, "1A".repeat(5_000))).flatMap(List::stream).toList()) {
            assertThatThrownBy(() -> Seat.parse(text)).as(text.length() > 20 ? text.length() + " characters" : text)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Seat.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seatsAreOrderedRowByRowThenByLetter() {
        assertThat(Stream.of("10A", "2C", "2A", "1F").map(Seat::parse).sorted().map(Seat::toString)).containsExactly("1F", "2A", "2C", "10A");
    }
}
