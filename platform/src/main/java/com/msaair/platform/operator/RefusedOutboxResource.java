package com.msaair.platform.operator;

import com.msaair.platform.outbox.OutboxRefusals;
import com.msaair.platform.outbox.RefusedOutboxMessage;
import com.msaair.platform.rest.Page;
import com.msaair.platform.rest.PageRequest;
import com.msaair.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For operators: outbox rows the broker refused for good, set aside so the rows behind them could go on. */
// Operators only, every method.
@RolesAllowed(Roles.OPERATOR)
@Path("/outbox/refused")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class RefusedOutboxResource {

    @Inject
    OutboxRefusals refusals;

    @GET
    @Operation(summary = "Refused outbox rows, newest first, each with the broker's reason")
    public Page<RefusedOutboxMessage.View> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return PageRequest.of(page, size).read(refusals::list, refusals::count);
    }
}
