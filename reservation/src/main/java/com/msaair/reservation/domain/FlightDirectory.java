package com.msaair.reservation.domain;

/**
 * Answers "does this flight exist, and what is it?" for a flight the local replica does not have yet —
 * from the schedule service when it can, from the replica when it cannot (it may have arrived
 * meanwhile). A port; the adapter owns the fault-tolerance policy.
 */
public interface FlightDirectory {

    /** @throws ReservationException when the flight does not exist */
    FlightFacts find(long scheduleId);
}
