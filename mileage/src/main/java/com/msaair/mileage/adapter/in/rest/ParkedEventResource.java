package com.msaair.mileage.adapter.in.rest;

import com.msaair.mileage.application.ParkedEventService;
import com.msaair.mileage.application.ParkedEvents.Parked;
import com.msaair.platform.rest.Page;
import com.msaair.platform.rest.PageRequest;
import com.msaair.platform.rest.Problem;
import com.msaair.platform.rest.RequestParams;
import com.msaair.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * For operators: reservation events kept because their customer is not registered (bookings accepted
 * while the mileage service was down, for a customer id that turned out not to exist).
 */
// Operators only, every method.
@RolesAllowed(Roles.OPERATOR)
@Path("/parked-events")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ParkedEventResource {

    @Inject
    ParkedEventService parked;

    @GET
    @Operation(summary = "Unresolved parked reservation events, oldest first, each with its reason")
    public Page<Parked> unresolved(@QueryParam("page") String page, @QueryParam("size") String size) {
        return PageRequest.of(page, size).read(parked::unresolved, parked::countUnresolved);
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Apply a parked event now (once its customer exists)")
    @APIResponse(responseCode = "200", description = "Applied; the event is resolved")
    @APIResponse(responseCode = "404", description = "No such parked event", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The customer is still unknown", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Parked retry(@PathParam("id") String id) {
        return parked.retry(RequestParams.requiredId("id", id));
    }
}
