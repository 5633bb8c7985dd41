package com.msaair.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The seat map a flight is sold by, and the rule that seats a party that names no seats. */
class SeatLayoutTest {

    private static final SeatLayout A321 = SeatLayout.of(30, "ABCDEF", List.of("C|D"), 180);

    private static Set<Seat> seats(String... names) {
        return Set.copyOf(Stream.of(names).map(Seat::parse).toList());
    }

    private static List<String> allocate(SeatLayout layout, int passengers, Set<Seat> occupied) {
        return layout.allocate(passengers, occupied).orElseThrow().stream().map(Seat::toString).toList();
    }

    @Test
    void aBareCapacityHasRowsOfSixWithAnAisleBetweenCAndDAndAShorterLastRow() {
        SeatLayout ten = SeatLayout.generic(10);
        assertThat(ten.rows()).isEqualTo(2);
        assertThat(ten.letters()).isEqualTo("ABCDEF");
        assertThat(ten.aisles()).containsExactly("C|D");
        assertThat(ten.seats()).extracting(Seat::toString).containsExactly("1A", "1B", "1C", "1D", "1E", "1F", "2A", "2B", "2C", "2D");
        assertThat(ten.contains(Seat.parse("2D"))).isTrue();
        assertThat(ten.contains(Seat.parse("2E"))).as("past the end of the last row").isFalse();
        assertThat(ten.contains(Seat.parse("3A"))).isFalse();
        assertThat(SeatLayout.generic(2).seats()).extracting(Seat::toString).containsExactly("1A", "1B");
        assertThat(SeatLayout.generic(900).rows()).isEqualTo(150);
        assertThat(A321).isEqualTo(SeatLayout.generic(180));
    }

    @Test
    void aLayoutIsReadFromLettersAndAislesAndRefusedWhenItIsNone() {
        SeatLayout wide = SeatLayout.of(40, "ABCDEFGHJK", List.of("C|D", "G|H"), 400);
        assertThat(wide.pattern()).isEqualTo("ABC|DEFG|HJK");
        assertThat(wide.aisles()).containsExactly("C|D", "G|H");
        assertThat(wide.contains(Seat.parse("12I"))).as("no I on this aircraft").isFalse();
        assertThat(SeatLayout.of(3, "AB", List.of(), 6).aisles()).isEmpty();
        for (Runnable invalid : List.<Runnable>of(
                () -> SeatLayout.of(30, "ABCDEF", List.of("A|C"), 180),
                () -> SeatLayout.of(30, "ABCDEF", List.of("C|D", "C|D"), 180),
                () -> SeatLayout.of(30, "ABCDEF", List.of("CD"), 180),
                () -> SeatLayout.of(30, "ACB", List.of(), 90),
                () -> SeatLayout.of(30, "abc", List.of(), 90),
                () -> SeatLayout.of(30, null, List.of(), 90),
                () -> SeatLayout.of(30, "ABCDEF", List.of(), 181),
                () -> SeatLayout.of(30, "ABCDEF", List.of(), 174),
                () -> SeatLayout.of(0, "ABCDEF", List.of(), 1),
                () -> SeatLayout.of(1000, "A", List.of(), 1000),
                () -> new SeatLayout(2, "|ABC", 6))) {
            assertThatThrownBy(invalid::run).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aPartyOfThreeSitsInOneRowWithNoAisleBetween() {
        assertThat(allocate(A321, 3, Set.of())).containsExactly("1A", "1B", "1C");
        assertThat(allocate(A321, 3, seats("1B", "2E"))).as("the first run of three free seats between aisles").containsExactly("1D", "1E", "1F");
        assertThat(allocate(A321, 3, seats("1A", "1D", "2B", "2E"))).containsExactly("3A", "3B", "3C");
    }

    @Test
    void theShortestRunThatFitsIsTakenSoLongerRunsStayWholeForGroups() {
        // Row 1: 1A, 1B free (a run of two) and 1F free alone; the rest of the plane is empty.
        Set<Seat> occupied = seats("1C", "1D", "1E");
        assertThat(allocate(A321, 1, occupied)).as("a lone seat for a lone passenger").containsExactly("1F");
        assertThat(allocate(A321, 2, occupied)).as("a pair fills the run of two").containsExactly("1A", "1B");
        assertThat(allocate(A321, 3, occupied)).containsExactly("2A", "2B", "2C");
    }

    @Test
    void aPartyNoRunFitsSitsInOneRowAcrossTheAisleThenWhereverSeatsAreFree() {
        assertThat(allocate(A321, 4, Set.of())).as("four in a row of three and three: across the aisle").containsExactly("1A", "1B", "1C", "1D");
        assertThat(allocate(A321, 6, seats("1A"))).as("the first row with six free").containsExactly("2A", "2B", "2C", "2D", "2E", "2F");
        // Every row half full: no row has room for four; the first free seats, in order.
        List<String> taken = new ArrayList<>();
        for (int row = 1; row <= 30; row++) {
            taken.addAll(List.of(row + "A", row + "C", row + "E"));
        }
        assertThat(allocate(A321, 4, seats(taken.toArray(String[]::new)))).containsExactly("1B", "1D", "1F", "2B");
    }

    @Test
    void aLastRowShorterThanTheOthersIsSeatedOnlyWhereItHasSeats() {
        SeatLayout ten = SeatLayout.generic(10);
        Set<Seat> rowOneFull = seats("1A", "1B", "1C", "1D", "1E", "1F");
        assertThat(allocate(ten, 3, rowOneFull)).containsExactly("2A", "2B", "2C");
        assertThat(allocate(ten, 4, rowOneFull)).containsExactly("2A", "2B", "2C", "2D");
        assertThat(ten.allocate(5, rowOneFull)).as("fewer free than passengers").isEmpty();
    }

    @Test
    void seatsOfAnotherLayoutInTheOccupiedSetAreIgnored() {
        assertThat(allocate(SeatLayout.generic(2), 2, seats("7F"))).containsExactly("1A", "1B");
    }
}
