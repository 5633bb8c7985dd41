package com.msaair.reservation.application;

import com.msaair.platform.outbox.Outbox;
import com.msaair.reservation.domain.CancellationReason;
import com.msaair.reservation.domain.Flight;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.FlightRepository;
import com.msaair.reservation.domain.RefundRule;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationEvents.ReservationCancelled;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.ReservationRepository;
import com.msaair.reservation.domain.SeatInventory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Keeps the local flight replica current from schedule events, and cancels every booking on a
 * cancelled flight. Runs inside the consumer's transaction, which also records the event as handled.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FlightReplicaService {

    private static final Logger LOG = Logger.getLogger(FlightReplicaService.class.getName());

    @Inject
    FlightRepository flights;

    @Inject
    ReservationRepository reservations;

    @Inject
    SeatInventory seatInventory;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public void scheduleCreated(FlightFacts facts) {
        flights.findForUpdate(facts.scheduleId()).ifPresentOrElse(flight -> flight.refresh(facts),
                () -> flights.addIfAbsent(Flight.of(facts)));
    }

    /**
     * Cancels the flight and each booking holding seats on it, held or confirmed (reason
     * FLIGHT_CANCELLED, a full refund), each with its own ReservationCancelled event caused by the
     * schedule event.
     */
    public int scheduleCancelled(long scheduleId, UUID causationId) {
        Instant now = clock.instant();
        Flight flight = flights.findForUpdate(scheduleId).orElse(null);
        if (flight == null) {
            // Nobody booked it through this service (the replica would exist): nothing to cancel.
            LOG.info(() -> "Schedule " + scheduleId + " cancelled; it had no bookings here");
            return 0;
        }
        flight.cancel();
        int cancelled = 0;
        for (Reservation reservation : reservations.activeOnFlightForUpdate(scheduleId)) {
            reservation.cancel(CancellationReason.FLIGHT_CANCELLED, flight, RefundRule.FULL_UNTIL_DEPARTURE, now); // refunded in full
            outbox.publish(ReservationCancelled.of(reservation), now, causationId);
            cancelled++;
        }
        // Every seat of the flight was one of those bookings': all free at once, each booking's once (a booking that ended before holds none).
        seatInventory.freeAll(scheduleId);
        return cancelled;
    }

    /** The seat inventory of a flight as this service keeps it: its layout, its count, and the state of each seat. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FlightSeats seats(long scheduleId) {
        Flight flight = flights.find(scheduleId).orElseThrow(() -> ReservationException.flightNotFound(scheduleId));
        return new FlightSeats(flight, seatInventory.states(scheduleId));
    }
}
