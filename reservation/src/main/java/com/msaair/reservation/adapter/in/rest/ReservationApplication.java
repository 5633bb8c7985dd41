package com.msaair.reservation.adapter.in.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
// Callers present a bearer token (MicroProfile JWT), verified as configured in the shared base.xml.
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "MSA Air reservation service", version = "1.0",
        description = "Customers book seats on flights and cancel their bookings."))
public class ReservationApplication extends Application {}
