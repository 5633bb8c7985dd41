package com.msaair.reservation.application;

import com.msaair.platform.domain.DomainException;
import com.msaair.platform.tx.RetryOnLockConflict;
import com.msaair.platform.tx.Transactions;
import com.msaair.reservation.domain.CancellationReason;
import com.msaair.reservation.domain.CustomerDirectory;
import com.msaair.reservation.domain.CustomerDirectory.CustomerCheck;
import com.msaair.reservation.domain.Flight;
import com.msaair.reservation.domain.FlightDirectory;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.FlightRepository;
import com.msaair.reservation.domain.FlightStatus;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.ReservationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Booking and cancelling. The checks against other services (does the flight exist, is the customer
 * registered) run before any transaction, each guarded by its own fault-tolerance policy; then one
 * local transaction takes the seats, stores the reservation and writes its event to the outbox.
 */
@ApplicationScoped
public class BookingService {

    @Inject
    FlightDirectory flightDirectory;

    @Inject
    CustomerDirectory customerDirectory;

    @Inject
    FlightRepository flights;

    @Inject
    ReservationRepository reservations;

    @Inject
    BookingRequests requests;

    @Inject
    ReservationAnnouncer announcer;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @RetryOnLockConflict
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
            Booking booking = transactions.inNewTransaction(() -> confirm(command, verified));
            if (booking != null) {
                return booking;
            }
            ensureReplica(facts); // the flight's first booking came before its ScheduleCreated event
            booking = transactions.inNewTransaction(() -> confirm(command, verified));
            if (booking == null) {
                throw new IllegalStateException("the replica of flight " + command.scheduleId() + " is missing right after it was added");
            }
            return booking;
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            // A concurrent request with the same idempotency key committed first: answer with its booking.
            return replay(command).orElseThrow(() -> e);
        }
    }

    @RetryOnLockConflict
    public Reservation cancel(long reservationId) {
        return transactions.inNewTransaction(() -> {
            Instant now = clock.instant();
            long scheduleId = reservations.find(reservationId).orElseThrow(() -> ReservationException.notFound(reservationId)).scheduleId();
            // Flight first, then reservation: the same order as a flight cancellation, so the two cannot deadlock.
            Flight flight = flights.findForUpdate(scheduleId).orElseThrow(() -> ReservationException.flightNotFound(scheduleId));
            Reservation reservation = reservations.findForUpdate(reservationId).orElseThrow(() -> ReservationException.notFound(reservationId));
            reservation.cancel(CancellationReason.CUSTOMER_REQUEST, flight, now);
            announcer.cancelled(reservation, now, null);
            return reservation;
        });
    }

    public Reservation get(long reservationId) {
        return reservations.find(reservationId).orElseThrow(() -> ReservationException.notFound(reservationId));
    }

    public List<Reservation> ofCustomer(long customerId, int offset, int limit) {
        return reservations.ofCustomer(customerId, offset, limit);
    }

    public long countOfCustomer(long customerId) {
        return reservations.countOfCustomer(customerId);
    }

    /** Books in the current transaction; null when this service has no replica of the flight yet. */
    private Booking confirm(BookFlight command, boolean customerVerified) {
        Instant now = clock.instant();
        Flight flight = flights.findForUpdate(command.scheduleId()).orElse(null);
        if (flight == null) {
            return null;
        }
        Reservation reservation = reservations.add(
                Reservation.confirm(command.customerId(), flight, command.passengers(), customerVerified, now));
        command.idempotencyKey().ifPresent(key -> requests.record(key, command.fingerprint(), reservation.id(), now));
        announcer.created(reservation, now);
        return new Booking(reservation, false);
    }

    /**
     * Starts the flight's replica from the live facts. Added at the same moment by another booking or
     * by the consumer, the insert fails and the row is there either way; any other failure (the
     * database away, a lock conflict) is the booking's failure and is not swallowed.
     */
    private void ensureReplica(FlightFacts facts) {
        try {
            transactions.runInNewTransaction(() -> flights.addIfAbsent(Flight.of(facts)));
        } catch (RuntimeException e) {
            if (!transactions.inNewTransaction(() -> flights.find(facts.scheduleId()).isPresent())) {
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
