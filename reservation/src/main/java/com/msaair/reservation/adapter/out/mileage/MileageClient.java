package com.msaair.reservation.adapter.out.mileage;

import com.msaair.reservation.adapter.out.NotFoundMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The mileage service's customer API, as far as booking needs it. Base URI: {@code mileage/mp-rest/uri}. */
@RegisterRestClient(configKey = "mileage")
@RegisterProvider(NotFoundMapper.class)
@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
public interface MileageClient {

    /**
     * 200 when the customer exists (the body is not needed). Asked with the caller's own token: what
     * mileage lets the caller see is all booking learns (see docs/architecture.md, "Service to service").
     */
    @GET
    @Path("/{id}")
    Response get(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);
}
