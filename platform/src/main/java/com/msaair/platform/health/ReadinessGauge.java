package com.msaair.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * {@code msaair_ready}: 1 while every readiness check of this service is UP, 0 otherwise — the
 * answer Kubernetes' readiness probe gets, as a series an alert can watch over time (a probe's
 * answers are not kept anywhere). A server that does not answer at all shows as {@code up == 0}.
 */
@ApplicationScoped
public class ReadinessGauge {

    @Inject
    @Readiness
    @Any
    Instance<HealthCheck> checks;

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("msaair_ready").withDescription("1 when every readiness check is UP, else 0").build(),
                this, ReadinessGauge::ready);
    }

    double ready() {
        for (HealthCheck check : checks) {
            try {
                if (check.call().getStatus() != HealthCheckResponse.Status.UP) {
                    return 0;
                }
            } catch (RuntimeException e) {
                return 0;
            }
        }
        return 1;
    }
}
