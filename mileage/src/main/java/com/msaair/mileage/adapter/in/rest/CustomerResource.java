package com.msaair.mileage.adapter.in.rest;

import com.msaair.mileage.adapter.in.rest.CustomerViews.CustomerView;
import com.msaair.mileage.adapter.in.rest.CustomerViews.EntryView;
import com.msaair.mileage.adapter.in.rest.CustomerViews.MileageView;
import com.msaair.mileage.application.CustomerService;
import com.msaair.mileage.domain.Customer;
import com.msaair.mileage.domain.Email;
import com.msaair.mileage.domain.MileageException;
import com.msaair.platform.json.JsonFields;
import com.msaair.platform.rest.InvalidRequestException;
import com.msaair.platform.rest.Locations;
import com.msaair.platform.rest.Page;
import com.msaair.platform.rest.PageRequest;
import com.msaair.platform.rest.Problem;
import com.msaair.platform.rest.RequestBodies;
import com.msaair.platform.security.Caller;
import com.msaair.platform.security.CustomerIds;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Customers and their miles. The rule, once for this service: a customer sees only themselves;
 * another customer's id is "not found" (404), exactly as an id nobody has. Staff (manager) may read a
 * customer's profile — the booking service checks the customer a manager books for with the manager's
 * own token — but not their miles.
 */
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

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.CUSTOMER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Become a customer: a mileage account (balance 0) for the signed-in user, whose id is the token's subject")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CustomerRequest.class)))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or malformed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Already a customer, or the e-mail address is already registered", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response register(JsonValue body, @Context UriInfo uri) {
        JsonFields fields = JsonFields.strict(RequestBodies.requireObject(body), FIELDS);
        String name = fields.requiredString("name", Customer.MAX_NAME_LENGTH);
        String email = fields.requiredString("email", Email.MAX_LENGTH);
        if (email != null && !Email.FORMAT.matcher(email).matches()) {
            fields.reject("email", "must be an e-mail address like minji@example.com");
        }
        fields.validOrThrow(InvalidRequestException::new);
        Customer customer = customers.register(caller.requireCustomer(), name, new Email(email));
        return Locations.created(uri, "customers", customer.id())
                .entity(CustomerView.of(customer))
                .build();
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.MANAGER})
    @Path("/{id}")
    @Operation(summary = "One customer, with the mileage balance")
    @APIResponse(responseCode = "200", description = "The customer", content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CustomerView get(@PathParam("id") String id) {
        return CustomerView.of(visible(id, Roles.MANAGER));
    }

    @GET
    @RolesAllowed(Roles.CUSTOMER)
    @Path("/{id}/mileage")
    @Operation(summary = "The mileage balance and ledger (newest first): one accrual per booking, one reversal per cancellation")
    @APIResponse(responseCode = "200", description = "Balance and ledger", content = @Content(schema = @Schema(implementation = MileageView.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public MileageView mileage(@PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size) {
        Customer customer = visible(id);
        Page<EntryView> ledger = PageRequest.of(page, size).read(customer.id(), customers::ledger, customers::ledgerSize).map(EntryView::of);
        return new MileageView(customer.id(), customer.balance(), ledger);
    }

    /** The customer {@code id}, if this caller may see them (themselves, or anyone with {@code seeingAnyone}); else 404. */
    private Customer visible(String id, String... seeingAnyone) {
        String customerId = CustomerIds.requiredParam("id", id);
        if (!caller.maySee(customerId, seeingAnyone)) {
            throw MileageException.customerNotFound(customerId);
        }
        return customers.get(customerId);
    }
}
