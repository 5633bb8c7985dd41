package com.msaair.platform.health;

import com.msaair.platform.inbox.ConsumerChannels;
import com.msaair.platform.inbox.ConsumerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a consumer has been stuck on the same messages for longer than
 * {@code msaair.consumer.stall-seconds} (30 s): waiting out a database that refuses its writes, or
 * unable to park. Each stuck channel is named with what it is stuck on and why, so "UP but consuming
 * nothing" cannot happen silently. Readiness, not liveness: a restart would not make the database
 * answer, and an operator (or the alert on readiness) should look.
 */
@Readiness
@ApplicationScoped
public class ConsumerProgress implements HealthCheck {

    @Inject
    ConsumerChannels channels;

    @Inject
    Clock clock;

    @Inject
    ConsumerSettings settings;

    @Override
    public HealthCheckResponse call() {
        Map<String, String> stalled = channels.stalled(clock.instant(), settings.stallAfter());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-consumer-progress").status(stalled.isEmpty());
        stalled.forEach(response::withData);
        return response.build();
    }
}
