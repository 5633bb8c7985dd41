package com.msaair.reservation.application;

import com.msaair.platform.outbox.Outbox;
import com.msaair.platform.tx.RetryOnLockConflict;
import com.msaair.reservation.domain.CancellationReason;
import com.msaair.reservation.domain.Flight;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.FlightRepository;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationEvents.ReservationCancelled;
import com.msaair.reservation.domain.ReservationEvents.ReservationHeld;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.ReservationRepository;
import com.msaair.reservation.domain.Seat;
import com.msaair.reservation.domain.SeatInventory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The local, transactional steps of holding seats and cancelling: each a transaction of its own, run
 * again when the database rolled it back for a lock conflict. The retry wraps the transaction and
 * nothing else — the checks against other services happen before, in {@link BookingService}, and
 * are never repeated because a row was busy.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
@RetryOnLockConflict
public class SeatBooking {

    @Inject
    FlightRepository flights;

    @Inject
    ReservationRepository reservations;

    @Inject
    SeatInventory seatInventory;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    Outbox outbox;

    @Inject
    BookingTerms terms;

    @Inject
    Clock clock;

    /**
     * Locks the flight's row, takes the seats (the ones named, if free, or seats next to each other),
     * stores the held reservation, its seats and its idempotency key and writes ReservationHeld to the
     * outbox (so its payment goes on in the background whatever happens next); empty when this service
     * has no replica of the flight yet. A seat named but held or taken is refused here, before any charge.
     */
    public Optional<Booking> hold(BookFlight command, boolean customerVerified) {
        Instant now = clock.instant();
        Flight flight = flights.findForUpdate(command.scheduleId()).orElse(null);
        if (flight == null) {
            return Optional.empty();
        }
        // Read with the flight locked: no other booking of the flight changes its seats until this one commits.
        Reservation reservation = reservations.add(Reservation.hold(command.customerId(), flight, command.passengers(),
                command.seats().stream().map(Seat::parse).toList(), seatInventory.occupied(flight.scheduleId()), customerVerified,
                command.paymentMethod(), terms.holdExpiresAt(now), now));
        seatInventory.hold(reservation);
        command.idempotencyKey().ifPresent(key -> idempotencyKeys.record(command.customerId(), key, command.fingerprint(), reservation.id(), now));
        outbox.publish(ReservationHeld.of(reservation, terms.captureBefore(reservation.holdExpiresAt())), now);
        return Optional.of(new Booking(reservation, false));
    }

    /** Starts the flight's replica from the live facts (a booking came before its ScheduleCreated event). */
    public void addReplica(FlightFacts facts) {
        flights.addIfAbsent(Flight.of(facts));
    }

    /** Whether the flight has a replica here. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasReplica(long scheduleId) {
        return flights.find(scheduleId).isPresent();
    }

    /** Cancels at the customer's request: seats free at once, the refund fixed by the fare rule, the reservation kept as CANCELLED, its event out. */
    public Reservation cancel(long reservationId) {
        Instant now = clock.instant();
        long scheduleId = reservations.find(reservationId).orElseThrow(() -> ReservationException.notFound(reservationId)).scheduleId();
        // Flight first, then reservation: the same order as a flight cancellation, so the two cannot deadlock.
        Flight flight = flights.findForUpdate(scheduleId).orElseThrow(() -> ReservationException.flightNotFound(scheduleId));
        Reservation reservation = reservations.findForUpdate(reservationId).orElseThrow(() -> ReservationException.notFound(reservationId));
        reservation.cancel(CancellationReason.CUSTOMER_REQUEST, flight, terms.refundRule(), now);
        seatInventory.free(reservation);
        outbox.publish(ReservationCancelled.of(reservation), now);
        return reservation;
    }
}
