package com.msaair.mileage.adapter.in.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
// Callers present a bearer token (MicroProfile JWT), verified as configured in the shared base.xml.
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "MSA Air mileage service", version = "1.0",
        description = "Customers register; bookings accrue miles and cancellations reverse them."))
public class MileageApplication extends Application {}
