package com.msaair.mileage.adapter.in.rest;

import com.msaair.mileage.adapter.in.rest.CustomerViews.CustomerView;
import com.msaair.mileage.adapter.in.rest.CustomerViews.EntryView;
import com.msaair.mileage.adapter.in.rest.CustomerViews.MileageView;
import com.msaair.mileage.application.CustomerService;
import com.msaair.mileage.domain.Customer;
import com.msaair.mileage.domain.Email;
import com.msaair.platform.json.JsonFields;
import com.msaair.platform.rest.InvalidRequestException;
import com.msaair.platform.rest.Page;
import com.msaair.platform.rest.PageRequest;
import com.msaair.platform.rest.Problem;
import com.msaair.platform.rest.RequestBodies;
import com.msaair.platform.rest.RequestParams;
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
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/customers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    /** The body of {@code POST /api/customers}. */
    @Schema(name = "CustomerRequest")
    public record CustomerRequest(@Schema(example = "Kim Minji") String name, @Schema(example = "minji@example.com") String email) {}

    private static final Set<String> FIELDS = Set.of("name", "email");

    @Inject
    CustomerService customers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a customer (mileage balance starts at 0)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CustomerRequest.class)))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or malformed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The e-mail address is already registered", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response register(JsonValue body, @Context UriInfo uri) {
        JsonFields fields = JsonFields.strict(RequestBodies.requireObject(body), FIELDS);
        String name = fields.requiredString("name", Customer.MAX_NAME_LENGTH);
        String email = fields.requiredString("email", Email.MAX_LENGTH);
        if (email != null && !Email.FORMAT.matcher(email).matches()) {
            fields.reject("email", "must be an e-mail address like minji@example.com");
        }
        fields.validOrThrow(InvalidRequestException::new);
        Customer customer = customers.register(name, new Email(email));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(customer.id())).build())
                .entity(CustomerView.of(customer))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One customer, with the mileage balance")
    @APIResponse(responseCode = "200", description = "The customer", content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CustomerView get(@PathParam("id") String id) {
        return CustomerView.of(customers.get(RequestParams.requiredId("id", id)));
    }

    @GET
    @Path("/{id}/mileage")
    @Operation(summary = "The mileage balance and ledger (newest first): one accrual per booking, one reversal per cancellation")
    @APIResponse(responseCode = "200", description = "Balance and ledger", content = @Content(schema = @Schema(implementation = MileageView.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public MileageView mileage(@PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size) {
        Customer customer = customers.get(RequestParams.requiredId("id", id));
        PageRequest paging = PageRequest.of(page, size);
        List<EntryView> entries = customers.ledger(customer.id(), paging.offset(), paging.size()).stream().map(EntryView::of).toList();
        return new MileageView(customer.id(), customer.balance(), Page.of(entries, paging, customers.ledgerSize(customer.id())));
    }
}
