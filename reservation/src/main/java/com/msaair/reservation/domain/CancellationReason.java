package com.msaair.reservation.domain;

/** Why a reservation was cancelled. */
public enum CancellationReason {
    /** The customer cancelled it. */
    CUSTOMER_REQUEST,
    /** The airline cancelled the flight, and with it every booking on it. */
    FLIGHT_CANCELLED
}
