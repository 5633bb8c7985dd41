package com.msaair.reservation.adapter.in.grpc;

import com.msaair.platform.admission.Admission;
import com.msaair.platform.domain.DomainException;
import com.msaair.reservation.adapter.in.BookingCounter;
import com.msaair.reservation.application.BookFlight;
import com.msaair.reservation.application.Booking;
import com.msaair.reservation.application.BookingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * A booking over gRPC enters as one over REST does: under the same admission limit ("booking": past
 * capacity refused at once, before any work — RESOURCE_EXHAUSTED here, 503 there) and counted in the
 * same {@code msaair_bookings_total{outcome}}. What it then does is the application's BookingService's.
 */
@ApplicationScoped
public class GrpcBookings {

    @Inject
    BookingService bookings;

    @Inject
    BookingCounter counter;

    @Admission("booking")
    public Booking book(BookFlight command) {
        Booking booking;
        try {
            booking = bookings.book(command);
        } catch (DomainException e) {
            counter.count(e.code());
            throw e;
        }
        counter.count(booking.replayed() ? "replayed" : booking.reservation().status().name().toLowerCase(Locale.ROOT));
        return booking;
    }
}
