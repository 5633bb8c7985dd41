package com.msaair.reservation.application;

import com.msaair.platform.domain.Money;
import com.msaair.reservation.domain.Reservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Tells operators about a capture that did not pay the booking its reservation id names
 * ({@code msaair_capture_mismatches_total} and a WARNING line naming both sides). Payment takes the
 * terms of every charge from reservation, so one means a forged or corrupted event on payment-events,
 * or a payment left from before: worth a look, though it confirmed nothing.
 */
@ApplicationScoped
public class CaptureMismatches {

    private static final Logger LOG = Logger.getLogger(CaptureMismatches.class.getName());
    static final String NAME = "msaair_capture_mismatches";

    @Inject
    MetricRegistry registry;

    private volatile Counter counter;

    void captureIgnored(Reservation reservation, Money amount, String payer, UUID eventId) {
        LOG.warning(() -> "PaymentCaptured " + eventId + " of reservation " + reservation.id() + " reports " + amount.amount() + " "
                + amount.currency() + " from customer " + payer + ", but the booking (" + reservation.status() + ") is "
                + reservation.price().amount() + " " + reservation.price().currency() + " of customer " + reservation.customerId()
                + ": it confirms nothing");
        counter().inc();
    }

    private Counter counter() {
        if (counter == null) {
            counter = registry.counter(Metadata.builder().withName(NAME)
                    .withDescription("Captures reported for a booking whose price or customer they do not match: they confirmed nothing").build());
        }
        return counter;
    }
}
