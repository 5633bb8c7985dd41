package com.msaair.reservation.domain;

public enum FlightStatus {
    SCHEDULED,
    CANCELLED
}
