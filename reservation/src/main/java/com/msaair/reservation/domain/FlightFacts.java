package com.msaair.reservation.domain;

import com.msaair.platform.domain.Money;

import java.time.Instant;

/**
 * What the schedule service says about a flight, live or from the local replica: enough to decide
 * whether it can be booked, what a seat costs and how many miles it earns.
 */
public record FlightFacts(long scheduleId, String flightNumber, String origin, String destination, Instant departureTime,
        Instant arrivalTime, int seatCapacity, int miles, Money fare, FlightStatus status) {}
