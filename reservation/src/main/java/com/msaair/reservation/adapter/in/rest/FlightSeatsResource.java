package com.msaair.reservation.adapter.in.rest;

import com.msaair.platform.rest.Problem;
import com.msaair.platform.rest.RequestParams;
import com.msaair.reservation.application.FlightReplicaService;
import com.msaair.reservation.domain.Flight;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** How many seats a flight has left: the inventory bookings take from, which this service owns. */
@Path("/flights")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class FlightSeatsResource {

    /** A flight's seats as bookings see them. */
    public record FlightSeatsView(long scheduleId, String flightNumber, int seatCapacity, int seatsAvailable, String status) {
        static FlightSeatsView of(Flight flight) {
            return new FlightSeatsView(flight.scheduleId(), flight.flightNumber(), flight.seatCapacity(), flight.seatsAvailable(),
                    flight.status().name());
        }
    }

    @Inject
    FlightReplicaService flights;

    @GET
    @PermitAll
    @Path("/{scheduleId}/seats")
    @Operation(summary = "Seats left on a flight")
    @APIResponse(responseCode = "200", description = "The flight's seats", content = @Content(schema = @Schema(implementation = FlightSeatsView.class)))
    @APIResponse(responseCode = "404", description = "No bookable flight with that id is known here yet", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public FlightSeatsView seats(@PathParam("scheduleId") String scheduleId) {
        return FlightSeatsView.of(flights.seats(RequestParams.requiredId("scheduleId", scheduleId)));
    }
}
