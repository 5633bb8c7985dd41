package com.msaair.history.adapter.in.rest;

import com.msaair.history.application.HistoryService;
import com.msaair.history.domain.TimelineEntry;
import com.msaair.platform.domain.Money;
import com.msaair.platform.rest.Page;
import com.msaair.platform.rest.PageRequest;
import com.msaair.platform.rest.Problem;
import com.msaair.platform.security.Caller;
import com.msaair.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/history")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    /** One timeline entry; fields that do not apply to its kind are absent ({@code seats}: the booking's, where the event said them). */
    public record EntryView(String kind, String eventType, String eventId, String correlationId, Long reservationId,
            Long scheduleId, String flightNumber, Instant departureTime, Integer passengers,
            @Schema(example = "[\"12A\", \"12B\"]") List<String> seats, Long miles, Long balanceAfter,
            String reason, Money amount, Instant occurredAt) {

        static EntryView of(TimelineEntry e) {
            return new EntryView(e.kind().name(), e.eventType(), e.eventId(), e.correlationId(), e.reservationId(), e.scheduleId(),
                    e.flightNumber(), e.departureTime(), e.passengers(), e.seats().isEmpty() ? null : e.seats(), e.miles(), e.balanceAfter(),
                    e.reason(),
                    e.amount() == null ? null : new Money(e.amount(), e.currency()), e.occurredAt());
        }
    }

    @Inject
    HistoryService history;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "A customer's timeline, newest first")
    @APIResponse(responseCode = "200", description = "One page of the timeline")
    @APIResponse(responseCode = "400", description = "customerId malformed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "customerId names another customer", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Page<EntryView> ofCustomer(@Parameter(description = "Leave it out: your own") @QueryParam("customerId") String customerId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        // A customer reads their own timeline only: the rule of this service, from the token alone.
        String customer = caller.customerParam(customerId);
        return PageRequest.of(page, size).read(customer, history::ofCustomer, history::countOfCustomer).map(EntryView::of);
    }
}
