package com.msaair.reservation.adapter.out.payment;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The payment service's charge, as far as booking needs it. Base URI: {@code payment/mp-rest/uri}. */
@RegisterRestClient(configKey = "payment")
@RegisterProvider(PaymentRefusalMapper.class)
@Path("/api/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PaymentClient {

    /** 201 when captured (no body: the status is the answer); 402 declined, 422 an unknown payment method. Sent with reservation's own token. */
    @POST
    Response pay(ChargeRequest request, @HeaderParam("Authorization") String authorization);
}
