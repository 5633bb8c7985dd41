package com.msaair.reservation.adapter.out.persistence;

import com.msaair.platform.persistence.NumberedRepository;
import com.msaair.reservation.domain.Flight;
import com.msaair.reservation.domain.FlightRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** The flight replica and seat inventory, one row per flight, mapped in {@code META-INF/orm.xml}. */
@ApplicationScoped
public class JpaFlightRepository extends NumberedRepository<Flight> implements FlightRepository {

    @Override
    public void addIfAbsent(Flight flight) {
        if (find(flight.scheduleId()).isEmpty()) {
            em.persist(flight);
        }
    }
}
