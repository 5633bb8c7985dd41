package com.msaair.reservation.domain;

import java.util.Map;
import java.util.Set;

/**
 * The seats of each flight that a booking holds or has taken (a port): one record per flight and
 * seat, kept while the booking is HELD or CONFIRMED and removed the moment it ends, so a seat held
 * twice is a uniqueness violation the database refuses. A seat without a record is free. Callers
 * change a flight's records with the flight locked (its row is the lock every booking of the flight
 * takes), which keeps them and the flight's seat count in step.
 */
public interface SeatInventory {

    /** The seats of the flight that some booking holds or has taken. */
    Set<Seat> occupied(long scheduleId);

    /** Each occupied seat of the flight with its state (from its booking's status); seats not in it are free. */
    Map<Seat, SeatState> states(long scheduleId);

    /** Records the booking's seats as its own. */
    void hold(Reservation reservation);

    /** Frees the booking's seats; nothing when it holds none (any more). */
    void free(Reservation reservation);

    /** Frees every seat of the flight (its bookings all end with it). */
    void freeAll(long scheduleId);
}
