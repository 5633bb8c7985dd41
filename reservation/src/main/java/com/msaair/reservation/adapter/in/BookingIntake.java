package com.msaair.reservation.adapter.in;

import com.msaair.platform.admission.Admission;
import com.msaair.platform.domain.DomainException;
import com.msaair.reservation.application.BookFlight;
import com.msaair.reservation.application.Booking;
import com.msaair.reservation.application.BookingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * A booking request as it enters, whichever way in it came (REST or gRPC): admitted under the
 * "booking" limit — past capacity refused at once, before any work ({@code OverloadedException}: 503
 * over REST, RESOURCE_EXHAUSTED over gRPC) — then booked by the application's BookingService, and
 * counted in {@code msaair_bookings_total{outcome}} by what it became: confirmed, held (payment
 * pending), replayed (a repeated idempotency key), or the business refusal's code (sold-out,
 * payment-declined, unknown-payment-method, flight-not-found, ...). A fixed set of values, never a
 * customer or flight id; requests refused as malformed never get here.
 */
@ApplicationScoped
public class BookingIntake {

    public static final String COUNTER = "msaair_bookings";

    @Inject
    BookingService bookings;

    @Inject
    MetricRegistry registry;

    /** Each outcome's counter, looked up once: every booking is counted. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @Admission("booking")
    public Booking book(BookFlight command) {
        Booking booking;
        try {
            booking = bookings.book(command);
        } catch (DomainException e) {
            count(e.code());
            throw e;
        }
        count(booking.replayed() ? "replayed" : booking.reservation().status().name().toLowerCase(Locale.ROOT));
        return booking;
    }

    private void count(String outcome) {
        counters.computeIfAbsent(outcome, o -> registry.counter(
                Metadata.builder().withName(COUNTER).withDescription("Booking requests answered, by outcome").build(), new Tag("outcome", o))).inc();
    }
}
