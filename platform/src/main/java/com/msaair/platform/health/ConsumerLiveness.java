package com.msaair.platform.health;

import com.msaair.platform.inbox.ConsumerChannels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive only while every Kafka consumer channel is consuming. A stopped channel never comes back by
 * itself, so the process can no longer do its work: DOWN lets Kubernetes restart it. Kafka being
 * unreachable does not count: the consumer waits and resumes, and a restart would not help.
 */
@Liveness
@ApplicationScoped
public class ConsumerLiveness implements HealthCheck {

    @Inject
    ConsumerChannels channels;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-consumers").status(channels.allConsuming());
        channels.states().forEach(response::withData);
        return response.build();
    }
}
