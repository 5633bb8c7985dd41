package com.msaair.notification.adapter.in.rest;

import com.msaair.notification.application.NotificationService;
import com.msaair.notification.domain.Notification;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/notifications")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    /** A notification and how its delivery went. */
    public record NotificationView(long id, String customerId, String eventType, String eventId, String correlationId,
            String message, String status, String channel, int attempts, String lastError, Instant createdAt,
            Instant deliveredAt, Instant nextAttemptAt) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.customerId(), n.eventType(), n.eventId(), n.correlationId(), n.message(),
                    n.status().name(), n.channel() == null ? null : n.channel().name(), n.attempts(), n.lastError(),
                    n.createdAt(), n.deliveredAt(), n.nextAttemptAt());
        }
    }

    @Inject
    NotificationService notifications;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "A customer's notifications, newest first, with delivery status")
    @APIResponse(responseCode = "200", description = "One page of notifications")
    @APIResponse(responseCode = "400", description = "customerId malformed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "customerId names another customer", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Page<NotificationView> ofCustomer(@Parameter(description = "Leave it out: your own") @QueryParam("customerId") String customerId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        // A customer reads their own notifications only: the rule of this service, from the token alone.
        String customer = caller.customerParam(customerId);
        return PageRequest.of(page, size).read(customer, notifications::ofCustomer, notifications::countOfCustomer).map(NotificationView::of);
    }
}
