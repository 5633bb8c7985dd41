package com.msaair.reservation.application;

import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.Seat;
import com.msaair.reservation.domain.SeatInventory;
import com.msaair.reservation.domain.SeatState;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** FLIGHT_SEAT: a row per flight and seat, its primary key refusing a seat held twice; the state is the booking's status. */
final class InMemorySeats implements SeatInventory {

    private final Map<String, Long> rows = new HashMap<>();
    private final InMemoryReservations reservations;

    InMemorySeats(InMemoryReservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public Set<Seat> occupied(long scheduleId) {
        return rows.keySet().stream().filter(key -> key.startsWith(scheduleId + "/")).map(key -> Seat.parse(key.substring(key.indexOf('/') + 1)))
                .collect(Collectors.toSet());
    }

    @Override
    public Map<Seat, SeatState> states(long scheduleId) {
        return occupied(scheduleId).stream().collect(Collectors.toMap(seat -> seat,
                seat -> SeatState.of(reservations.find(rows.get(scheduleId + "/" + seat)).orElseThrow().status())));
    }

    @Override
    public void hold(Reservation reservation) {
        for (Seat seat : reservation.seats()) {
            if (rows.putIfAbsent(reservation.scheduleId() + "/" + seat, reservation.id()) != null) {
                throw new IllegalStateException("duplicate key PK_FLIGHT_SEAT: " + seat);
            }
        }
    }

    @Override
    public void free(Reservation reservation) {
        reservation.seats().forEach(seat -> rows.remove(reservation.scheduleId() + "/" + seat, reservation.id()));
    }

    @Override
    public void freeAll(long scheduleId) {
        rows.keySet().removeIf(key -> key.startsWith(scheduleId + "/"));
    }
}
