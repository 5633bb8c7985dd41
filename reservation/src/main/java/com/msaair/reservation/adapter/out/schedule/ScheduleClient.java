package com.msaair.reservation.adapter.out.schedule;

import com.msaair.reservation.adapter.out.NotFoundMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The schedule service's API, as far as booking needs it. Base URI: {@code schedule/mp-rest/uri}. */
@RegisterRestClient(configKey = "schedule")
@RegisterProvider(NotFoundMapper.class)
@Path("/api/schedules")
@Produces(MediaType.APPLICATION_JSON)
public interface ScheduleClient {

    /**
     * A schedule as the schedule service shows it (only the fields used here). A schedule service of the
     * release before seat maps sends neither {@code aircraftType} nor {@code seatMap}.
     */
    record Schedule(long id, String flightNumber, String origin, String destination, java.time.Instant departureTime,
            java.time.Instant arrivalTime, int seatCapacity, String aircraftType, SeatMap seatMap, int miles, Fare fare, String status) {}

    /** The cabin: rows of the seat letters, aisles between the letters named (C|D). */
    record SeatMap(int rows, String letters, java.util.List<String> aisles) {}

    /** The fare per seat: whole minor units of an ISO-4217 currency. */
    record Fare(long amount, String currency) {}

    @GET
    @Path("/{id}")
    Schedule get(@PathParam("id") long id);
}
