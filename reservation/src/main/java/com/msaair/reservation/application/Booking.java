package com.msaair.reservation.application;

import com.msaair.reservation.domain.Reservation;

/** The outcome of a booking request: the reservation, and whether it was made earlier (an idempotent replay). */
public record Booking(Reservation reservation, boolean replayed) {}
