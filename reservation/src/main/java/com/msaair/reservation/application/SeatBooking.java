package com.msaair.reservation.application;

import com.msaair.platform.tx.RetryOnLockConflict;
import com.msaair.reservation.domain.CancellationReason;
import com.msaair.reservation.domain.Flight;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.FlightRepository;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.ReservationRepository;
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
    IdempotencyKeys idempotencyKeys;

    @Inject
    ReservationAnnouncer announcer;

    @Inject
    BookingTerms terms;

    @Inject
    Clock clock;

    /**
     * Locks the flight's row, takes the seats, stores the held reservation and its idempotency key and
     * writes ReservationHeld to the outbox (so its payment goes on in the background whatever happens
     * next); empty when this service has no replica of the flight yet.
     */
    public Optional<Booking> hold(BookFlight command, boolean customerVerified) {
        Instant now = clock.instant();
        Flight flight = flights.findForUpdate(command.scheduleId()).orElse(null);
        if (flight == null) {
            return Optional.empty();
        }
        Reservation reservation = reservations.add(Reservation.hold(command.customerId(), flight, command.passengers(), customerVerified,
                command.paymentMethod(), terms.holdExpiresAt(now), now));
        command.idempotencyKey().ifPresent(key -> idempotencyKeys.record(command.customerId(), key, command.fingerprint(), reservation.id(), now));
        announcer.held(reservation, terms.captureBefore(reservation.holdExpiresAt()), now);
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

    /** Cancels at the customer's request: seats back, the refund fixed by the fare rule, the reservation kept as CANCELLED, its event out. */
    public Reservation cancel(long reservationId) {
        Instant now = clock.instant();
        long scheduleId = reservations.find(reservationId).orElseThrow(() -> ReservationException.notFound(reservationId)).scheduleId();
        // Flight first, then reservation: the same order as a flight cancellation, so the two cannot deadlock.
        Flight flight = flights.findForUpdate(scheduleId).orElseThrow(() -> ReservationException.flightNotFound(scheduleId));
        Reservation reservation = reservations.findForUpdate(reservationId).orElseThrow(() -> ReservationException.notFound(reservationId));
        reservation.cancel(CancellationReason.CUSTOMER_REQUEST, flight, terms.refundRule(), now);
        announcer.cancelled(reservation, now, null);
        return reservation;
    }
}
