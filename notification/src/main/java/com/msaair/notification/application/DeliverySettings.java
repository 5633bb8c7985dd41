package com.msaair.notification.application;

import com.msaair.notification.domain.RetryPolicy;
import com.msaair.platform.worker.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How mail is delivered, {@code msaair.delivery.*}, each with its default here and nowhere else
 * (docs/configuration.md; an environment variable overrides, {@code MSAAIR_DELIVERY_MAX_ATTEMPTS}).
 * The mail server itself is the mail adapter's ({@code smtp.*}).
 */
@ApplicationScoped
public class DeliverySettings {

    @Inject
    @ConfigProperty(name = "msaair.delivery.poll-interval-ms", defaultValue = "1000")
    long pollIntervalMs;

    @Inject
    @ConfigProperty(name = "msaair.delivery.batch-size", defaultValue = "50")
    int batchSize;

    @Inject
    @ConfigProperty(name = "msaair.delivery.max-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "msaair.delivery.first-retry-delay-ms", defaultValue = "2000")
    long firstRetryDelayMs;

    @Inject
    @ConfigProperty(name = "msaair.delivery.max-retry-delay-ms", defaultValue = "60000")
    long maxRetryDelayMs;

    /** How often the delivery worker looks for mail to send. */
    public Duration pollInterval() {
        return Duration.ofMillis(pollIntervalMs);
    }

    /** Mails per round. */
    public int batchSize() {
        return batchSize;
    }

    /** How often, and how patiently, a failed mail is tried again. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, Backoff.of(firstRetryDelayMs, maxRetryDelayMs));
    }
}
