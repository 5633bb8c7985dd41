package com.msaair.reservation.application;

import com.msaair.reservation.domain.Flight;
import com.msaair.reservation.domain.Seat;
import com.msaair.reservation.domain.SeatState;
import java.util.Map;

/** A flight's seats as anyone may see them: its layout and count, and each seat's state (never whose it is). */
public record FlightSeats(Flight flight, Map<Seat, SeatState> occupied) {

    public FlightSeats {
        occupied = Map.copyOf(occupied);
    }

    public SeatState state(Seat seat) {
        return occupied.getOrDefault(seat, SeatState.FREE);
    }

    public long count(SeatState state) {
        return state == SeatState.FREE ? flight.seatCapacity() - occupied.size()
                : occupied.values().stream().filter(state::equals).count();
    }
}
