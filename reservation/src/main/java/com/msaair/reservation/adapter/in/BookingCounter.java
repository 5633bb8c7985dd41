package com.msaair.reservation.adapter.in;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code msaair_bookings_total{outcome}}: each answered booking request, by what it became —
 * confirmed, held (payment pending), replayed (a repeated idempotency key), or the business refusal's
 * code (sold-out, payment-declined, unknown-payment-method, flight-not-found, ...). A fixed set of
 * values, never a customer or flight id. Requests refused as malformed (400) are HTTP metrics' business.
 * Bookings over REST and over gRPC count alike: the same application answered them.
 */
@ApplicationScoped
public class BookingCounter {

    public static final String NAME = "msaair_bookings";

    @Inject
    MetricRegistry registry;

    /** Each outcome's counter, looked up once: every booking is counted. */
    private final java.util.Map<String, org.eclipse.microprofile.metrics.Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

    public void count(String outcome) {
        counters.computeIfAbsent(outcome, o -> registry.counter(
                Metadata.builder().withName(NAME).withDescription("Booking requests answered, by outcome").build(), new Tag("outcome", o))).inc();
    }
}
