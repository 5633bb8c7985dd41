package com.msaair.reservation.domain;

import java.util.Optional;

/** The local replica of flights and their seat inventory (a port). */
public interface FlightRepository {

    Optional<Flight> find(long scheduleId);

    /**
     * The flight, locked until the transaction ends: concurrent bookings of one flight take their
     * seats one after the other, so the flight is never oversold.
     */
    Optional<Flight> findForUpdate(long scheduleId);

    /** Adds a replica unless one exists (another booking or the event consumer may add it at the same time). */
    void addIfAbsent(Flight flight);
}
