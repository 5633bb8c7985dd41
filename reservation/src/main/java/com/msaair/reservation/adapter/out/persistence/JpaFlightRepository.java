package com.msaair.reservation.adapter.out.persistence;

import com.msaair.reservation.domain.Flight;
import com.msaair.reservation.domain.FlightRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The flight replica and seat inventory, one row per flight, mapped in {@code META-INF/orm.xml}. */
@ApplicationScoped
public class JpaFlightRepository implements FlightRepository {

    @PersistenceContext
    EntityManager em;

    @Override
    public Optional<Flight> find(long scheduleId) {
        return Optional.ofNullable(em.find(Flight.class, scheduleId));
    }

    @Override
    public Optional<Flight> findForUpdate(long scheduleId) {
        return Optional.ofNullable(em.find(Flight.class, scheduleId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void addIfAbsent(Flight flight) {
        if (em.find(Flight.class, flight.scheduleId()) == null) {
            em.persist(flight);
        }
    }
}
