package com.msaair.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the application's beans are initialised (consumers subscribed, relay scheduled). */
@Startup
@ApplicationScoped
public class ApplicationStarted implements HealthCheck {

    private volatile boolean started;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        started = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("application").status(started).build();
    }
}
