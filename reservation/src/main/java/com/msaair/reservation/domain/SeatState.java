package com.msaair.reservation.domain;

/** What a seat is to anyone looking at the flight (never whose it is). */
public enum SeatState {
    FREE,
    /** Held by a booking awaiting payment (HELD). */
    HELD,
    /** Paid for (a CONFIRMED booking). */
    TAKEN;

    /** The state of a seat that a booking in {@code status} has. */
    public static SeatState of(ReservationStatus status) {
        return switch (status) {
            case HELD -> HELD;
            case CONFIRMED -> TAKEN;
            default -> throw new IllegalArgumentException("a " + status + " booking holds no seat");
        };
    }
}
