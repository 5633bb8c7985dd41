package com.msaair.platform.operator;

import com.msaair.platform.inbox.DeadLetter;
import com.msaair.platform.inbox.DeadLetterReplay;
import com.msaair.platform.inbox.DeadLetters;
import com.msaair.platform.rest.InvalidRequestException;
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
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * For operators: the messages this service's consumers parked, and their replay. Every consuming
 * service serves it (a service without consumers lists nothing). Not routed from outside.
 */
// Operators only, every method.
@RolesAllowed(Roles.OPERATOR)
@Path("/dead-letters")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "For operators: parked messages and refused outbox rows")
public class DeadLetterResource {

    @Inject
    DeadLetters letters;

    @Inject
    DeadLetterReplay replay;

    @GET
    @Operation(summary = "Parked messages, newest first; filter by reason (MALFORMED, REJECTED, FAILING) and state (PARKED, REPLAYED)")
    @APIResponse(responseCode = "200", description = "A page of dead letters")
    @APIResponse(responseCode = "400", description = "An unknown reason or state", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Page<DeadLetter.View> list(@QueryParam("reason") String reason, @QueryParam("state") String state,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        Optional<DeadLetter.Reason> r = option("reason", reason, DeadLetter.Reason.class);
        Optional<DeadLetter.State> s = option("state", state, DeadLetter.State.class);
        return paging.read((offset, limit) -> letters.list(r, s, offset, limit), () -> letters.count(r, s));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One parked message, with its text when it was kept")
    @APIResponse(responseCode = "200", description = "The dead letter")
    @APIResponse(responseCode = "404", description = "No such dead letter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public DeadLetter.View get(@PathParam("id") String id) {
        long letter = RequestParams.requiredId("id", id);
        return letters.find(letter).orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Send one parked message back to its consumer (takes effect at most once)")
    @APIResponse(responseCode = "200", description = "Replayed: APPLIED, ALREADY_APPLIED, ALREADY_REPLAYED, STILL_FAILING or NOT_REPLAYABLE")
    @APIResponse(responseCode = "404", description = "No such dead letter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "The database is unavailable; nothing happened", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response replayOne(@PathParam("id") String id) {
        DeadLetterReplay.Result result = attempt(() -> replay.replay(RequestParams.requiredId("id", id)));
        if (result.outcome() == DeadLetterReplay.Outcome.NOT_FOUND) {
            return Problem.of(Response.Status.NOT_FOUND, "No dead letter " + id).toResponse();
        }
        return Response.ok(result).build();
    }

    @POST
    @Path("/replay")
    @Operation(summary = "Send every parked message of one reason back to its consumer, oldest first (up to 1,000 per call)")
    @APIResponse(responseCode = "200", description = "How many were replayed, by outcome")
    @APIResponse(responseCode = "400", description = "No or an unknown reason", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "The database is unavailable; replaying stopped", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public DeadLetterReplay.Summary replayAll(@QueryParam("reason") String reason) {
        DeadLetter.Reason r = option("reason", reason, DeadLetter.Reason.class)
                .orElseThrow(() -> new InvalidRequestException("reason", "is required"));
        return attempt(() -> replay.replayAll(r));
    }

    private static <T> T attempt(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DeadLetterReplay.TryAgainException e) {
            throw new jakarta.ws.rs.ServiceUnavailableException(
                    Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).toResponseBuilder().header("Retry-After", "5").build());
        }
    }

    static <E extends Enum<E>> Optional<E> option(String name, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.of(constant);
            }
        }
        throw new InvalidRequestException(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
}
