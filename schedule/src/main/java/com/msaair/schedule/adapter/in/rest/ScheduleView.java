package com.msaair.schedule.adapter.in.rest;

import com.msaair.schedule.domain.Schedule;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A schedule as the API shows it: its seats are the first seatCapacity of its seat map, row by row. */
public record ScheduleView(long id, String flightNumber, String origin, String destination, Instant departureTime,
        Instant arrivalTime, int seatCapacity, @Schema(example = "A321") String aircraftType, SeatMapView seatMap, int miles,
        FareView fare, String status, Instant registeredAt, Instant cancelledAt) {

    static ScheduleView of(Schedule s) {
        return new ScheduleView(s.id(), s.flightNumber().value(), s.origin().code(), s.destination().code(),
                s.departureTime(), s.arrivalTime(), s.seatCapacity(), s.aircraftType(), SeatMapView.of(s.seatMap()), s.miles(),
                FareView.of(s.fare()), s.status().name(), s.registeredAt(), s.cancelledAt());
    }
}
