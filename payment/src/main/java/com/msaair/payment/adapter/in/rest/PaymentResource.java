package com.msaair.payment.adapter.in.rest;

import com.msaair.payment.application.PaymentService;
import com.msaair.payment.domain.Payment;
import com.msaair.payment.domain.PaymentException;
import com.msaair.platform.rest.Locations;
import com.msaair.platform.rest.Page;
import com.msaair.platform.rest.PageRequest;
import com.msaair.platform.rest.Problem;
import com.msaair.platform.rest.RequestBodies;
import com.msaair.platform.rest.RequestParams;
import com.msaair.platform.security.Caller;
import com.msaair.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/payments")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    @Inject
    PaymentService payments;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay for a held booking", description = "Only the reservation service, as itself (its service identity), while booking:"
            + " the terms are its record of the booking; a person's token is refused. Once per reservation: the same request again answers"
            + " the same payment and never charges twice.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PaymentRequest.class)))
    @APIResponse(responseCode = "201", description = "Captured; no body: the payment is at its Location")
    @APIResponse(responseCode = "400", description = "A field is missing or malformed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "402", description = "Declined; the processor's reason is the message of the paymentMethod error", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller is not the reservation service (a person's token)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The reservation's payment has other terms, or its booking ended", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The processor does not know the payment method", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "The processor did not answer; the charge is tried again in the background", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response pay(JsonValue body, @Context UriInfo uri) {
        Payment payment = payments.pay(PaymentRequest.parse(RequestBodies.requireObject(body)));
        // Its one caller reads the status alone (the pact with reservation): a body would be written for nobody.
        return Locations.created(uri, "payments", payment.id()).build();
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.MANAGER})
    @Path("/{id}")
    @Operation(summary = "One payment (a customer's own; another customer's is not found)")
    @APIResponse(responseCode = "200", description = "The payment", content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "404", description = "No such payment", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PaymentView get(@PathParam("id") String id) {
        long paymentId = RequestParams.requiredId("id", id);
        return caller.visible(payments.get(paymentId), Payment::customerId, Roles.MANAGER)
                .map(PaymentView::of)
                .orElseThrow(() -> PaymentException.notFound(paymentId));
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.MANAGER})
    @Operation(summary = "A customer's payments, newest first: a customer's own (customerId may be left out); staff name the customer")
    @APIResponse(responseCode = "200", description = "One page of payments")
    @APIResponse(responseCode = "400", description = "customerId malformed, or missing for staff", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "A customer named another customer", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Page<PaymentView> ofCustomer(@Parameter(description = "Staff: the customer. A customer: leave it out (their own)") @QueryParam("customerId") String customerId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        String customer = caller.customerParam(customerId, Roles.MANAGER);
        return PageRequest.of(page, size).read(customer, payments::ofCustomer, payments::countOfCustomer).map(PaymentView::of);
    }
}
