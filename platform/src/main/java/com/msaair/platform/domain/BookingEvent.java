package com.msaair.platform.domain;

/**
 * An event in a booking's flow — reservation's, payment's, mileage's for the booking's miles: its
 * correlation id is the reservation's id, as of everything that follows from a booking.
 */
public interface BookingEvent extends DomainEvent {

    long reservationId();

    @Override
    default String correlationId() {
        return String.valueOf(reservationId());
    }
}
