package com.msaair.reservation.domain;

public enum ReservationStatus {
    CONFIRMED,
    CANCELLED
}
