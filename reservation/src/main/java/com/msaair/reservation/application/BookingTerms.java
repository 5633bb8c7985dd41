package com.msaair.reservation.application;

import com.msaair.reservation.domain.RefundRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The terms of a booking, from configuration: how long seats are held awaiting payment
 * ({@code msaair.booking.hold-seconds}, 15 minutes), how long before the hold runs out the last charge
 * may be made ({@code msaair.booking.capture-margin-seconds}, 1 minute: room for a slow processor and
 * for the two services' clocks, so a booking is never paid after its seats went back), and the fare
 * rule for refunds ({@code msaair.refund.percent-before-departure} 100, {@code ...-after-departure} 0);
 * and how often holds past their time are looked for ({@code msaair.booking.expiry-poll-ms}, a second).
 * Each default is here and nowhere else (docs/configuration.md).
 */
@ApplicationScoped
public class BookingTerms {

    @Inject
    @ConfigProperty(name = "msaair.booking.hold-seconds", defaultValue = "900")
    long holdSeconds;

    @Inject
    @ConfigProperty(name = "msaair.booking.capture-margin-seconds", defaultValue = "60")
    long captureMarginSeconds;

    @Inject
    @ConfigProperty(name = "msaair.refund.percent-before-departure", defaultValue = "100")
    int refundBeforeDeparture;

    @Inject
    @ConfigProperty(name = "msaair.refund.percent-after-departure", defaultValue = "0")
    int refundAfterDeparture;

    @Inject
    @ConfigProperty(name = "msaair.booking.expiry-poll-ms", defaultValue = "1000")
    long expiryPollMs;

    /** When a hold made at {@code now} runs out. */
    public Instant holdExpiresAt(Instant now) {
        return now.plusSeconds(holdSeconds);
    }

    /** The last instant a held booking may be charged. */
    public Instant captureBefore(Instant holdExpiresAt) {
        return holdExpiresAt.minus(Duration.ofSeconds(Math.min(captureMarginSeconds, holdSeconds / 2)));
    }

    public RefundRule refundRule() {
        return new RefundRule(refundBeforeDeparture, refundAfterDeparture);
    }

    /** How often the hold expiry looks for holds past their time. */
    public Duration expiryPoll() {
        return Duration.ofMillis(expiryPollMs);
    }
}
