package com.msaair.reservation.domain;

/**
 * Answers "does this flight exist, and what is it?" — from the schedule service when it can, from
 * the local replica when it cannot (a port; the adapter owns the fault-tolerance policy).
 */
public interface FlightDirectory {

    /** @throws ReservationException when the flight does not exist */
    FlightFacts find(long scheduleId);
}
