package com.msaair.payment.adapter.in.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
// Callers present a bearer token (MicroProfile JWT), verified as configured in the shared base.xml.
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "MSA Air payment service", version = "1.0",
        description = "Charges for held bookings (once per reservation), refunds, and a ledger of every money movement."
                + " Test payment methods of the sandbox processor: pm_card_visa, pm_card_declined, pm_card_insufficient_funds,"
                + " pm_card_slow (5 s), pm_card_error."))
public class PaymentApplication extends Application {}
