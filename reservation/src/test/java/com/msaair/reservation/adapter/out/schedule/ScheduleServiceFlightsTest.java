package com.msaair.reservation.adapter.out.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.SeatLayout;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flight check's answer as facts: the seat map as schedule gives it, or the generic layout from a schedule service before seat maps. */
class ScheduleServiceFlightsTest {

    private static FlightFacts answer(ScheduleClient.Schedule schedule) {
        ScheduleServiceFlights flights = new ScheduleServiceFlights();
        flights.schedules = id -> schedule;
        return flights.find(41);
    }

    private static ScheduleClient.Schedule schedule(int capacity, String type, ScheduleClient.SeatMap map) {
        return new ScheduleClient.Schedule(41, "KE1234", "ICN", "CJU", Instant.parse("2026-12-24T09:00:00Z"), Instant.parse("2026-12-24T10:10:00Z"),
                capacity, type, map, 276, new ScheduleClient.Fare(125_000, "KRW"), "SCHEDULED");
    }

    @Test
    void theSeatMapIsTheFlightsLayout() {
        FlightFacts facts = answer(schedule(400, "B777-300ER", new ScheduleClient.SeatMap(40, "ABCDEFGHJK", List.of("C|D", "G|H"))));
        assertThat(facts.aircraftType()).isEqualTo("B777-300ER");
        assertThat(facts.seatLayout()).isEqualTo(new SeatLayout(40, "ABC|DEFG|HJK", 400));
    }

    @Test
    void aScheduleServiceBeforeSeatMapsMeansTheGenericLayoutOfItsCapacity() {
        FlightFacts facts = answer(schedule(10, null, null));
        assertThat(facts.aircraftType()).isEqualTo(FlightFacts.GENERIC);
        assertThat(facts.seatLayout()).isEqualTo(SeatLayout.generic(10));
    }
}
