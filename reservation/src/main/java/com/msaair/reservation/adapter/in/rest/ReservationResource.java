package com.msaair.reservation.adapter.in.rest;

import com.msaair.platform.rest.Locations;
import com.msaair.platform.rest.Page;
import com.msaair.platform.rest.PageRequest;
import com.msaair.platform.rest.Problem;
import com.msaair.platform.rest.RequestBodies;
import com.msaair.platform.rest.RequestParams;
import com.msaair.platform.security.Caller;
import com.msaair.platform.security.Roles;
import com.msaair.reservation.adapter.in.BookingIntake;
import com.msaair.reservation.application.BookFlight;
import com.msaair.reservation.application.Booking;
import com.msaair.reservation.application.BookingService;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.ReservationStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/reservations")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReservationResource {

    static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    BookingIntake intake;

    @Inject
    BookingService bookings;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.CUSTOMER, Roles.MANAGER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Book seats on a flight and pay", description = "The seats named (seats: one per passenger, e.g. [\"12A\",\"12B\"])"
            + " or, when none are named, seats next to each other (one row, no aisle between, where a row has room) are held, and the"
            + " price (fare × passengers) charged to"
            + " paymentMethod: 201 CONFIRMED when paid; 402 when declined (the seats go back at once); 202 HELD when the payment"
            + " service cannot answer in time — the charge goes on in the background until paid, declined or the hold expires;"
            + " poll the Location. A customer books for themselves (the token says who);"
            + " staff name the customer with customerId. Send an Idempotency-Key to make retries safe: "
            + "a repeated key answers with the first booking as it stands (header Idempotent-Replayed: true).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BookingRequest.class)))
    @APIResponse(responseCode = "201", description = "Booked and paid (CONFIRMED)", content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "202", description = "Seats held (HELD), payment pending: poll the Location", content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "402", description = "The payment was declined; the problem's paymentMethod error gives the processor's reason", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "400", description = "A field is missing or malformed, or seats names a seat the flight does not have"
            + " (type unknown-seat), a seat twice or not one per passenger; the problem's errors name the field (seats)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "A customer named another customer", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such flight or customer", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "A seat named is held or taken (type seat-taken, detail and errors[seats] name the"
            + " seats; nothing was charged), sold out, or the flight is cancelled or departed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for a different booking, or a payment method the processor does not know", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Too many bookings at once: refused before any work was done (nothing booked, nothing charged);"
            + " send it again after Retry-After seconds, with the same Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE),
            headers = @Header(name = "Retry-After", description = "Seconds to wait before sending the booking again", schema = @Schema(type = SchemaType.INTEGER)))
    public Response book(JsonValue body,
            @Parameter(description = "Any unique string per intended booking") @HeaderParam(BookingRequest.IDEMPOTENCY_KEY) String idempotencyKey,
            @Context UriInfo uri) {
        BookFlight command = BookingRequest.parse(RequestBodies.requireObject(body), idempotencyKey, caller);
        Booking booking = intake.book(command);
        Response.ResponseBuilder answer = booking.reservation().status() == ReservationStatus.HELD
                ? Locations.accepted(uri, "reservations", booking.reservation().id())
                : Locations.created(uri, "reservations", booking.reservation().id());
        answer.entity(ReservationView.of(booking.reservation()));
        if (booking.replayed()) {
            answer.header(REPLAYED, "true");
        }
        return answer.build();
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.MANAGER})
    @Path("/{id}")
    @Operation(summary = "One reservation (a customer's own; another customer's is not found)")
    @APIResponse(responseCode = "200", description = "The reservation", content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "404", description = "No such reservation", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReservationView get(@PathParam("id") String id) {
        return ReservationView.of(visible(id));
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.MANAGER})
    @Operation(summary = "A customer's reservations, newest first: a customer's own (customerId may be left out); staff name the customer")
    @APIResponse(responseCode = "200", description = "One page of reservations")
    @APIResponse(responseCode = "400", description = "customerId malformed, or missing for staff", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "A customer named another customer", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Page<ReservationView> ofCustomer(@Parameter(description = "Staff: the customer. A customer: leave it out (their own)") @QueryParam("customerId") String customerId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        String customer = caller.customerParam(customerId, Roles.MANAGER);
        return PageRequest.of(page, size).read(customer, bookings::ofCustomer, bookings::countOfCustomer).map(ReservationView::of);
    }

    @DELETE
    @RolesAllowed({Roles.CUSTOMER, Roles.MANAGER})
    @Path("/{id}")
    @Operation(summary = "Cancel a reservation (a customer's own, or staff for anyone): it is kept with status CANCELLED, its seats are released,"
            + " its miles reversed and its payment refunded by the fare rule (in full until departure)")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "404", description = "No such reservation", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Already cancelled, or released unpaid", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReservationView cancel(@PathParam("id") String id) {
        return ReservationView.of(bookings.cancel(visible(id).id()));
    }

    /**
     * The reservation {@code id} if this caller may see it, else 404 as for an id nobody has. The one
     * ownership rule of this service: a customer sees their own reservations; staff see everyone's.
     */
    private Reservation visible(String id) {
        long reservationId = RequestParams.requiredId("id", id);
        return caller.visible(bookings.get(reservationId), Reservation::customerId, Roles.MANAGER)
                .orElseThrow(() -> ReservationException.notFound(reservationId));
    }
}
