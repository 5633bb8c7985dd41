package com.msaair.reservation.domain;

import com.msaair.platform.domain.Money;

import java.time.Instant;

/**
 * What the schedule service says about a flight, live or from the local replica: enough to decide
 * whether it can be booked, which seats it has, what a seat costs and how many miles it earns.
 * {@code aircraftType} is a label (A321, or GENERIC for the layout of a bare capacity): the layout is
 * {@code seatLayout}, so this service needs no catalogue of aircraft.
 */
public record FlightFacts(long scheduleId, String flightNumber, String origin, String destination, Instant departureTime,
        Instant arrivalTime, String aircraftType, SeatLayout seatLayout, int miles, Money fare, FlightStatus status) {

    /** What a flight registered before seat maps is flown with: the generic layout of its capacity. */
    public static final String GENERIC = "GENERIC";

    public int seatCapacity() {
        return seatLayout.capacity();
    }
}
