package com.msaair.payment.application;

import com.msaair.platform.worker.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How payments are charged in the background, {@code msaair.payment.*}, each with its default here and
 * nowhere else (docs/configuration.md; an environment variable overrides, {@code MSAAIR_PAYMENT_BATCH_SIZE}).
 */
@ApplicationScoped
public class PaymentSettings {

    @Inject
    @ConfigProperty(name = "msaair.payment.background-grace-ms", defaultValue = "10000")
    long backgroundGraceMs;

    @Inject
    @ConfigProperty(name = "msaair.payment.first-retry-delay-ms", defaultValue = "1000")
    long firstRetryDelayMs;

    @Inject
    @ConfigProperty(name = "msaair.payment.max-retry-delay-ms", defaultValue = "30000")
    long maxRetryDelayMs;

    @Inject
    @ConfigProperty(name = "msaair.payment.poll-interval-ms", defaultValue = "1000")
    long pollIntervalMs;

    @Inject
    @ConfigProperty(name = "msaair.payment.batch-size", defaultValue = "50")
    int batchSize;

    /** How long the background leaves alone a payment that its booking is charging itself (see {@code Payment.open}). */
    public Duration backgroundGrace() {
        return Duration.ofMillis(backgroundGraceMs);
    }

    /** The wait between attempts of a charge the processor did not answer. */
    public Backoff retryBackoff() {
        return Backoff.of(firstRetryDelayMs, maxRetryDelayMs);
    }

    /** How often the payment worker looks for charges and refunds due. */
    public Duration pollInterval() {
        return Duration.ofMillis(pollIntervalMs);
    }

    /** Payments per round. */
    public int batchSize() {
        return batchSize;
    }
}
