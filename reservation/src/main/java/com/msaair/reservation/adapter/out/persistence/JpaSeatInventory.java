package com.msaair.reservation.adapter.out.persistence;

import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationStatus;
import com.msaair.reservation.domain.Seat;
import com.msaair.reservation.domain.SeatInventory;
import com.msaair.reservation.domain.SeatState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code FLIGHT_SEAT}: one row per seat a booking holds or has taken, its primary key the flight and
 * the seat, so the database itself refuses a seat held twice, whichever replica tries. Rows are
 * written and removed in plain SQL (one statement for all of a booking's seats), always found by
 * their primary key or its flight prefix, so no statement reads the rows of another flight (Derby
 * would wait on their locks). A seat's state is its booking's status, read with it: a confirmation
 * changes no seat row.
 */
@ApplicationScoped
public class JpaSeatInventory implements SeatInventory {

    @PersistenceContext
    EntityManager em;

    @Override
    public Set<Seat> occupied(long scheduleId) {
        Set<Seat> seats = new HashSet<>();
        for (Object seat : em.createNativeQuery("SELECT SEAT FROM FLIGHT_SEAT WHERE SCHEDULE_ID = ?").setParameter(1, scheduleId).getResultList()) {
            seats.add(Seat.parse((String) seat));
        }
        return seats;
    }

    @Override
    public Map<Seat, SeatState> states(long scheduleId) {
        Map<Seat, SeatState> states = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.SEAT, r.STATUS FROM FLIGHT_SEAT s JOIN RESERVATION r ON r.ID = s.RESERVATION_ID"
                + " WHERE s.SCHEDULE_ID = ?").setParameter(1, scheduleId).getResultList();
        for (Object[] row : rows) {
            ReservationStatus status = ReservationStatus.valueOf((String) row[1]);
            // A row outlives its booking only by a fault; the seat is not bookable then, so it is not shown FREE (the crash audit looks for it).
            states.put(Seat.parse((String) row[0]), status.holdsSeats() ? SeatState.of(status) : SeatState.HELD);
        }
        return states;
    }

    @Override
    public void hold(Reservation reservation) {
        List<Seat> seats = reservation.seats();
        Query insert = em.createNativeQuery("INSERT INTO FLIGHT_SEAT (SCHEDULE_ID, SEAT, RESERVATION_ID) VALUES "
                + String.join(", ", Collections.nCopies(seats.size(), "(?, ?, ?)")));
        int parameter = 1;
        for (Seat seat : seats) {
            insert.setParameter(parameter++, reservation.scheduleId());
            insert.setParameter(parameter++, seat.toString());
            insert.setParameter(parameter++, reservation.id());
        }
        insert.executeUpdate();
    }

    @Override
    public void free(Reservation reservation) {
        List<Seat> seats = reservation.seats();
        if (seats.isEmpty()) {
            return;
        }
        Query delete = em.createNativeQuery("DELETE FROM FLIGHT_SEAT WHERE SCHEDULE_ID = ? AND RESERVATION_ID = ? AND SEAT IN ("
                + String.join(", ", Collections.nCopies(seats.size(), "?")) + ")");
        delete.setParameter(1, reservation.scheduleId());
        delete.setParameter(2, reservation.id());
        int parameter = 3;
        for (Seat seat : seats) {
            delete.setParameter(parameter++, seat.toString());
        }
        delete.executeUpdate();
    }

    @Override
    public void freeAll(long scheduleId) {
        em.createNativeQuery("DELETE FROM FLIGHT_SEAT WHERE SCHEDULE_ID = ?").setParameter(1, scheduleId).executeUpdate();
    }
}
