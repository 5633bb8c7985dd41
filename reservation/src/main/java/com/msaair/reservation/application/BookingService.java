package com.msaair.reservation.application;

import com.msaair.platform.domain.DomainException;
import com.msaair.reservation.domain.CustomerDirectory;
import com.msaair.reservation.domain.CustomerDirectory.CustomerCheck;
import com.msaair.reservation.domain.FlightDirectory;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.FlightStatus;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.ReservationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Booking and cancelling, as an orchestration: the checks against other services (does the flight
 * exist, is the customer registered) run first, outside any transaction, each guarded by its own
 * fault-tolerance policy; then {@link SeatBooking} takes the seats, stores the reservation and writes
 * its event to the outbox in one local transaction (retried alone on a lock conflict).
 */
@ApplicationScoped
public class BookingService {

    @Inject
    FlightDirectory flightDirectory;

    @Inject
    CustomerDirectory customerDirectory;

    @Inject
    SeatBooking seats;

    @Inject
    ReservationRepository reservations;

    @Inject
    BookingRequests requests;

    public Booking book(BookFlight command) {
        Optional<Booking> earlier = replay(command);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        FlightFacts facts = flightDirectory.find(command.scheduleId());
        if (facts.status() == FlightStatus.CANCELLED) {
            throw ReservationException.flightCancelled(command.scheduleId()); // the live answer may be ahead of the replica
        }
        boolean verified = customerDirectory.check(command.customerId()) == CustomerCheck.VERIFIED;
        try {
            Optional<Booking> booking = seats.confirm(command, verified);
            if (booking.isPresent()) {
                return booking.get();
            }
            ensureReplica(facts); // the flight's first booking came before its ScheduleCreated event
            return seats.confirm(command, verified).orElseThrow(() -> new IllegalStateException(
                    "the replica of flight " + command.scheduleId() + " is missing right after it was added"));
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            // A concurrent request with the same idempotency key committed first: answer with its booking.
            return replay(command).orElseThrow(() -> e);
        }
    }

    public Reservation cancel(long reservationId) {
        return seats.cancel(reservationId);
    }

    public Reservation get(long reservationId) {
        return reservations.find(reservationId).orElseThrow(() -> ReservationException.notFound(reservationId));
    }

    public List<Reservation> ofCustomer(String customerId, int offset, int limit) {
        return reservations.ofCustomer(customerId, offset, limit);
    }

    public long countOfCustomer(String customerId) {
        return reservations.countOfCustomer(customerId);
    }

    /**
     * Starts the flight's replica from the live facts. Added at the same moment by another booking or
     * by the consumer, the insert fails and the row is there either way; any other failure (the
     * database away) is the booking's failure and is not swallowed.
     */
    private void ensureReplica(FlightFacts facts) {
        try {
            seats.addReplica(facts);
        } catch (RuntimeException e) {
            if (!seats.hasReplica(facts.scheduleId())) {
                throw e;
            }
        }
    }

    private Optional<Booking> replay(BookFlight command) {
        if (command.idempotencyKey().isEmpty()) {
            return Optional.empty();
        }
        String key = command.idempotencyKey().get();
        return requests.find(key).map(recorded -> {
            if (!recorded.fingerprint().equals(command.fingerprint())) {
                throw ReservationException.idempotencyKeyReused(key);
            }
            return new Booking(get(recorded.reservationId()), true);
        });
    }
}
