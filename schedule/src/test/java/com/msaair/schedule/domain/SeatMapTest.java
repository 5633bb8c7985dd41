package com.msaair.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeatMapTest {

    @Test
    void aBareCapacityGetsRowsOfSixWithAnAisleBetweenCAndDAndAShorterLastRow() {
        assertThat(SeatMap.generic(180)).isEqualTo(new SeatMap(30, "ABCDEF", List.of("C|D")));
        assertThat(SeatMap.generic(10)).isEqualTo(new SeatMap(2, "ABCDEF", List.of("C|D")));
        assertThat(SeatMap.generic(2)).isEqualTo(new SeatMap(1, "ABCDEF", List.of("C|D")));
        assertThat(SeatMap.generic(900).rows()).isEqualTo(150);
        for (int capacity : new int[] {1, 2, 5, 6, 7, 10, 179, 180, 181, 900}) {
            assertThat(SeatMap.generic(capacity).holds(capacity)).as("capacity %d", capacity).isTrue();
        }
    }

    @Test
    void thePatternWritesTheLettersWithABarForEachAisleAndReadsBack() {
        SeatMap wide = new SeatMap(40, "ABCDEFGHJK", List.of("C|D", "G|H"));
        assertThat(wide.pattern()).isEqualTo("ABC|DEFG|HJK");
        assertThat(SeatMap.ofPattern(40, "ABC|DEFG|HJK")).isEqualTo(wide);
        assertThat(SeatMap.ofPattern(3, "AB").aisles()).isEmpty();
        assertThat(wide.seatCount()).isEqualTo(400);
    }

    @Test
    void aSeatMapIsValidOrRefused() {
        assertThatThrownBy(() -> new SeatMap(0, "ABC", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeatMap(1000, "ABC", List.of())).isInstanceOf(IllegalArgumentException.class);
        for (String letters : new String[] {"", "abc", "ACB", "AAB", "ABCDEFGHJKLMN", "ＡB"}) {
            assertThatThrownBy(() -> new SeatMap(1, letters, List.of())).as(letters).isInstanceOf(IllegalArgumentException.class);
        }
        for (String aisle : new String[] {"A|C", "C|B", "F|G", "CD", "C||D", "C|D|E"}) {
            assertThatThrownBy(() -> new SeatMap(1, "ABCDEF", List.of(aisle))).as(aisle).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new SeatMap(1, "ABCDEF", List.of("C|D", "C|D"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeatMap.ofPattern(1, "|ABC")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyAircraftTypeOfTheCatalogueHasAValidSeatMapItsCapacityFills() {
        for (String type : AircraftTypes.codes()) {
            if (type.equals(AircraftTypes.GENERIC)) {
                continue;
            }
            SeatMap map = AircraftTypes.seatMapOf(type).orElseThrow();
            assertThat(map.holds(map.seatCount())).isTrue();
            assertThat(map.seatCount()).as(type).isBetween(1, Schedule.MAX_SEAT_CAPACITY);
        }
        assertThat(AircraftTypes.seatMapOf("A321")).contains(new SeatMap(30, "ABCDEF", List.of("C|D")));
        assertThat(AircraftTypes.isKnown("a321")).isFalse();
        assertThat(AircraftTypes.codes()).endsWith(AircraftTypes.GENERIC);
    }
}
