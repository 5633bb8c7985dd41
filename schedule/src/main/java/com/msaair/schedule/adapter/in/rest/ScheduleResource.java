package com.msaair.schedule.adapter.in.rest;

import com.msaair.platform.json.FieldError;
import com.msaair.platform.rest.InvalidRequestException;
import com.msaair.platform.rest.Locations;
import com.msaair.platform.rest.Page;
import com.msaair.platform.rest.PageRequest;
import com.msaair.platform.rest.Problem;
import com.msaair.platform.rest.RequestBodies;
import com.msaair.platform.rest.RequestParams;
import com.msaair.schedule.application.ScheduleService;
import com.msaair.schedule.domain.Airport;
import com.msaair.schedule.domain.Schedule;
import com.msaair.schedule.domain.ScheduleSearch;
import com.msaair.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import com.msaair.platform.time.SupportedTime;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/schedules")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Inject
    ScheduleService service;

    @POST
    @RolesAllowed(Roles.MANAGER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a flight schedule", description = "Its aircraftType (a type of the catalogue) gives its seat map and"
            + " seatCapacity; without one (GENERIC) seatCapacity is required and the seat map is rows of six, A-F, an aisle between C and D")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ScheduleRequest.class)))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or malformed, an aircraftType unknown, or a seatCapacity that"
            + " is not the aircraft type's", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The flight number is already scheduled that day", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The schedule breaks a rule (e.g. arrival before departure)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response register(JsonValue body, @Context UriInfo uri) {
        Schedule schedule = service.register(ScheduleRequest.parse(RequestBodies.requireObject(body)));
        return Locations.created(uri, "schedules", schedule.id())
                .entity(ScheduleView.of(schedule))
                .build();
    }

    @GET
    @PermitAll
    @Operation(summary = "Find schedules by origin, destination and departure date (UTC), ordered by departure")
    public Page<ScheduleView> search(
            @Parameter(description = "IATA code", example = "ICN") @QueryParam("origin") String origin,
            @Parameter(description = "IATA code", example = "CJU") @QueryParam("destination") String destination,
            @Parameter(description = "departure day, UTC", example = "2027-03-01") @QueryParam("date") String date,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        ScheduleSearch search = searchOf(origin, destination, date);
        return paging.read(search, service::search, service::count).map(ScheduleView::of);
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Operation(summary = "One schedule, with its status (SCHEDULED or CANCELLED), its aircraft type and seat map")
    @APIResponse(responseCode = "200", description = "The schedule", content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "404", description = "No such schedule", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ScheduleView get(@PathParam("id") String id) {
        return ScheduleView.of(service.get(RequestParams.requiredId("id", id)));
    }

    @DELETE
    @RolesAllowed(Roles.MANAGER)
    @Path("/{id}")
    @Operation(summary = "Cancel a schedule; it is kept with status CANCELLED and its bookings are cancelled")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "404", description = "No such schedule", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Already cancelled or departed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ScheduleView cancel(@PathParam("id") String id) {
        return ScheduleView.of(service.cancel(RequestParams.requiredId("id", id)));
    }

    private static ScheduleSearch searchOf(String origin, String destination, String date) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Airport> from = airport("origin", origin, errors);
        Optional<Airport> to = airport("destination", destination, errors);
        Optional<LocalDate> day = Optional.empty();
        if (date != null && !date.isEmpty()) {
            try {
                day = Optional.of(LocalDate.parse(date)).filter(SupportedTime::contains);
                if (day.isEmpty()) {
                    errors.add(new FieldError("date", "must be " + SupportedTime.RANGE));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("date", "must be a date like 2027-03-01"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ScheduleSearch(from, to, day);
    }

    private static Optional<Airport> airport(String name, String code, List<FieldError> errors) {
        if (code == null || code.isEmpty()) {
            return Optional.empty();
        }
        if (!Airport.IATA_CODE.matcher(code).matches()) {
            errors.add(new FieldError(name, "must be a 3-letter IATA airport code like ICN"));
            return Optional.empty();
        }
        return Optional.of(new Airport(code));
    }
}
