package com.msaair.schedule.adapter.in.rest;

import com.msaair.schedule.domain.SeatMap;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A flight's seat map: rows 1 to rows, each with these letters, aisles between the letters named. */
@Schema(name = "SeatMap", description = "The cabin: rows 1 to rows, each with the seat letters in order, an aisle where aisles says"
        + " (C|D: between C and D). The flight's seats are the first seatCapacity of them, row by row.")
public record SeatMapView(
        @Schema(example = "30", minimum = "1", maximum = "999") int rows,
        @Schema(example = "ABCDEF", pattern = "[A-Z]{1,12}") String letters,
        @Schema(example = "[\"C|D\"]") List<String> aisles) {

    static SeatMapView of(SeatMap map) {
        return new SeatMapView(map.rows(), map.letters(), map.aisles());
    }
}
