package com.msaair.schedule.adapter.in.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "MSA Air schedule service", version = "1.0",
        description = "Airline managers register and cancel flight schedules; customers look them up."))
public class ScheduleApplication extends Application {}
