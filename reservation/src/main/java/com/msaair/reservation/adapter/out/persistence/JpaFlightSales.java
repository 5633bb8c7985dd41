package com.msaair.reservation.adapter.out.persistence;

import com.msaair.reservation.domain.Flight;
import com.msaair.reservation.domain.FlightSale;
import com.msaair.reservation.domain.FlightSales;
import com.msaair.reservation.domain.ReservationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flight sales from the flight replica and one grouped count of the bookings: two queries for a whole
 * board, however many bookings the flights have (IX_RESERVATION_FLIGHT covers the grouping).
 */
@ApplicationScoped
public class JpaFlightSales implements FlightSales {

    @PersistenceContext
    EntityManager em;

    @Override
    public List<FlightSale> departingAfter(Instant after, int limit) {
        List<Flight> flights = em.createQuery("SELECT f FROM Flight f WHERE f.departureTime > :after ORDER BY f.departureTime, f.scheduleId",
                        Flight.class)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
        if (flights.isEmpty()) {
            return List.of();
        }
        Map<Long, List<FlightSale.Tally>> tallies = new HashMap<>();
        List<Object[]> rows = em.createQuery("SELECT r.scheduleId, r.status, SUM(r.passengers), SUM(r.priceAmount), SUM(r.refundAmount)"
                        + " FROM Reservation r WHERE r.scheduleId IN :flights GROUP BY r.scheduleId, r.status", Object[].class)
                .setParameter("flights", flights.stream().map(Flight::scheduleId).toList())
                .getResultList();
        for (Object[] row : rows) {
            tallies.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
                    .add(new FlightSale.Tally((ReservationStatus) row[1], number(row[2]), number(row[3]), number(row[4])));
        }
        return flights.stream().map(f -> FlightSale.of(f.facts(), tallies.getOrDefault(f.scheduleId(), List.of()))).toList();
    }

    private static long number(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue();
    }
}
