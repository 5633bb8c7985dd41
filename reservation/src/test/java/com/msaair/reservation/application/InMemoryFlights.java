package com.msaair.reservation.application;

import com.msaair.reservation.domain.Flight;
import com.msaair.reservation.domain.FlightRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The flight replica, one row per flight, its primary key refusing a second insert of one flight. */
final class InMemoryFlights implements FlightRepository {

    private final Map<Long, Flight> rows = new HashMap<>();
    /** What a caller locked, in order ("flight 5"), shared with the reservations to show the order of locks. */
    private final List<String> locks;
    /** Run by {@link #addIfAbsent} between its look and its insert: another transaction adding the flight meanwhile, or failing. */
    Runnable beforeInsert = () -> {};

    InMemoryFlights(List<String> locks) {
        this.locks = locks;
    }

    @Override
    public Optional<Flight> find(long scheduleId) {
        return Optional.ofNullable(rows.get(scheduleId));
    }

    @Override
    public Optional<Flight> findForUpdate(long scheduleId) {
        locks.add("flight " + scheduleId);
        return find(scheduleId);
    }

    @Override
    public void addIfAbsent(Flight flight) {
        if (rows.containsKey(flight.scheduleId())) {
            return;
        }
        beforeInsert.run();
        if (rows.putIfAbsent(flight.scheduleId(), flight) != null) {
            throw new IllegalStateException("duplicate key PK_FLIGHT: " + flight.scheduleId());
        }
    }
}
