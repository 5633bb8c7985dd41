package com.msaair.schedule.application;

import com.msaair.schedule.domain.Airport;
import com.msaair.schedule.domain.Fare;
import com.msaair.schedule.domain.FlightNumber;
import java.time.Instant;

/** An airline manager's request to put a flight on sale, on an aircraft type of the catalogue (or GENERIC). */
public record RegisterSchedule(FlightNumber flightNumber, Airport origin, Airport destination, Instant departureTime,
        Instant arrivalTime, String aircraftType, int seatCapacity, int miles, Fare fare) {}
