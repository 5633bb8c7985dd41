package com.msaair.reservation.adapter.in.rest;

import com.msaair.platform.rest.Problem;
import com.msaair.platform.rest.RequestParams;
import com.msaair.reservation.application.FlightReplicaService;
import com.msaair.reservation.application.FlightSeats;
import com.msaair.reservation.domain.Flight;
import com.msaair.reservation.domain.SeatLayout;
import com.msaair.reservation.domain.SeatState;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A flight's seats: the inventory bookings take from, which this service owns. Anyone may look; no answer says whose a seat is. */
@Path("/flights")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class FlightSeatsResource {

    /** One seat and its state. */
    @Schema(name = "SeatState", description = "A seat and whether it can be booked: FREE, HELD (by a booking awaiting payment) or TAKEN (paid)")
    public record SeatView(@Schema(example = "12A") String seat,
            @Schema(example = "FREE", enumeration = {"FREE", "HELD", "TAKEN"}) String state) {}

    /**
     * A flight's seat map as a client draws it: rows 1 to {@code rows}, each with {@code letters} in
     * order and an aisle at each of {@code aisles}; {@code seats} lists every seat the flight has, row by
     * row (a generic flight's last row may be shorter: the seats missing from it do not exist).
     */
    @Schema(name = "FlightSeats", description = "A flight's seat map: draw rows 1..rows, each with the letters in order and an aisle where"
            + " aisles says (C|D: between C and D); seats lists every seat the flight has, row by row, with its state (a seat not listed"
            + " does not exist: a GENERIC flight's last row may be shorter). free + held + taken = seatCapacity; free = seatsAvailable"
            + " whenever no booking is being made at that moment.")
    public record FlightSeatsView(long scheduleId, @Schema(example = "KE1234") String flightNumber,
            @Schema(enumeration = {"SCHEDULED", "CANCELLED"}) String status,
            @Schema(example = "A321", description = "The aircraft type, or GENERIC: rows of six for a bare capacity") String aircraftType,
            @Schema(example = "180") int seatCapacity, @Schema(example = "177") int seatsAvailable,
            @Schema(example = "30") int rows, @Schema(example = "ABCDEF") String letters,
            @Schema(example = "[\"C|D\"]", description = "Each aisle as the letters either side of it") List<String> aisles,
            @Schema(example = "177") long free, @Schema(example = "1") long held, @Schema(example = "2") long taken,
            List<SeatView> seats) {

        static FlightSeatsView of(FlightSeats map) {
            Flight flight = map.flight();
            SeatLayout layout = flight.seatLayout();
            List<SeatView> seats = layout.seats().stream().map(seat -> new SeatView(seat.toString(), map.state(seat).name())).toList();
            return new FlightSeatsView(flight.scheduleId(), flight.flightNumber(), flight.status().name(), flight.aircraftType(),
                    flight.seatCapacity(), flight.seatsAvailable(), layout.rows(), layout.letters(), layout.aisles(),
                    map.count(SeatState.FREE), map.count(SeatState.HELD), map.count(SeatState.TAKEN), seats);
        }
    }

    @Inject
    FlightReplicaService flights;

    @GET
    @PermitAll
    @Path("/{scheduleId}/seats")
    @Operation(summary = "A flight's seat map: each seat FREE, HELD or TAKEN (never whose), with the layout to draw it")
    @APIResponse(responseCode = "200", description = "The flight's seats", content = @Content(schema = @Schema(implementation = FlightSeatsView.class)))
    @APIResponse(responseCode = "404", description = "No bookable flight with that id is known here yet", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public FlightSeatsView seats(@PathParam("scheduleId") String scheduleId) {
        return FlightSeatsView.of(flights.seats(RequestParams.requiredId("scheduleId", scheduleId)));
    }
}
