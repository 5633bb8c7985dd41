package com.msaair.reservation.application;

import com.msaair.platform.domain.Money;
import com.msaair.platform.outbox.Outbox;
import com.msaair.platform.tx.RetryOnLockConflict;
import com.msaair.reservation.domain.Flight;
import com.msaair.reservation.domain.FlightRepository;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationEvents.ReservationCreated;
import com.msaair.reservation.domain.ReservationEvents.ReservationReleased;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.ReservationRepository;
import com.msaair.reservation.domain.ReservationStatus;
import com.msaair.reservation.domain.SeatInventory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The one place a hold ends: confirmed when paid — by a capture of its own price from its own
 * customer — released when the payment failed or the hold ran out. Three callers — the booking's own charge, the payment events (a charge that succeeded or
 * failed in the background) and the hold expiry — and whichever comes first decides: a booking that
 * is no longer held is left as it is. Runs in the caller's transaction (the consumer's, which also
 * records the event as handled) or in its own, retried alone on a lock conflict.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
@RetryOnLockConflict
public class HoldSettlement {

    @Inject
    ReservationRepository reservations;

    @Inject
    FlightRepository flights;

    @Inject
    SeatInventory seatInventory;

    @Inject
    Outbox outbox;

    @Inject
    CaptureMismatches mismatches;

    @Inject
    Clock clock;

    /**
     * Paid, as the booking's own charge heard it from payment (which took the terms from this booking): a
     * held booking is confirmed and announced (ReservationCreated: "once paid, a reservation is created").
     *
     * <p>{@code held} is the booking as its hold stored it. While a booking is held nothing but the end
     * of its hold changes it, so when the conditional update finds it still held, {@code held} is the
     * row it confirmed — the event is made from it, and the row is neither read nor locked first. When it
     * is not held any more (confirmed by its PaymentCaptured, released, cancelled with its flight), the
     * booking is answered as it stands.
     */
    public Reservation confirm(Reservation held, UUID causationId) {
        Instant now = clock.instant();
        if (!reservations.confirmIfHeld(held.id(), now)) {
            return reservations.find(held.id()).orElseThrow(() -> ReservationException.notFound(held.id()));
        }
        held.confirm(now);
        outbox.publish(ReservationCreated.of(held), now, causationId);
        return held;
    }

    /**
     * A capture payment reported (PaymentCaptured {@code eventId}): confirms the held booking it pays —
     * its price, from its customer — and nothing else. A capture with other terms is reported to
     * operators and confirms nothing (docs/architecture.md, "Money moves only for its booking").
     */
    public Reservation captured(long reservationId, Money amount, String payer, UUID eventId) {
        Instant now = clock.instant();
        Reservation reservation = reservations.findForUpdate(reservationId).orElseThrow(() -> ReservationException.notFound(reservationId));
        switch (reservation.paidBy(amount, payer, now)) {
            case CONFIRMED -> outbox.publish(ReservationCreated.of(reservation), now, eventId);
            case MISMATCH -> mismatches.captureIgnored(reservation, amount, payer, eventId);
            case NOT_HELD -> {
                // settled already: confirmed by its own charge, or released (payment refunds a capture for a released booking)
            }
        }
        return reservation;
    }

    /** Unpaid: a held booking is released as {@code outcome} (PAYMENT_FAILED or EXPIRED), its seats back at once. */
    public Reservation release(long reservationId, ReservationStatus outcome, String reason, UUID causationId) {
        Instant now = clock.instant();
        long scheduleId = reservations.find(reservationId).orElseThrow(() -> ReservationException.notFound(reservationId)).scheduleId();
        // Flight first, then reservation: the order of every step that gives seats back, so none can deadlock another.
        Flight flight = flights.findForUpdate(scheduleId).orElseThrow(() -> ReservationException.flightNotFound(scheduleId));
        Reservation reservation = reservations.findForUpdate(reservationId).orElseThrow(() -> ReservationException.notFound(reservationId));
        if (reservation.release(outcome, reason, flight, now)) {
            seatInventory.free(reservation);
            outbox.publish(ReservationReleased.of(reservation), now, causationId);
        }
        return reservation;
    }

    /** Held bookings whose hold has run out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> heldExpired(int limit) {
        return reservations.heldExpiredAt(clock.instant(), limit);
    }
}
