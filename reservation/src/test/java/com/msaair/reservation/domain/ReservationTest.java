package com.msaair.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReservationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Instant DEPARTURE = Instant.parse("2026-12-24T09:00:00Z");
    private static final Money FARE = new Money(125_000, "KRW");

    private static Flight flight(int seats, int miles) {
        return Flight.of(new FlightFacts(5, "KE1234", "ICN", "CJU", DEPARTURE, DEPARTURE.plusSeconds(4200), seats, miles, FARE, FlightStatus.SCHEDULED));
    }

    @Test
    void aBookingTakesSeatsAndEarnsTheFlightsMilesForEachPassenger() {
        Flight flight = flight(10, 1000);
        Reservation reservation = Reservation.confirm("c-1", flight, 3, true, NOW);
        assertThat(reservation.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(reservation.miles()).isEqualTo(3000);
        assertThat(reservation.price()).as("the fare times the passengers, fixed when booking").isEqualTo(new Money(375_000, "KRW"));
        assertThat(flight.seatsAvailable()).isEqualTo(7);
        assertThat(reservation.flightNumber()).isEqualTo("KE1234");
    }

    @Test
    void neverOversold() {
        Flight flight = flight(2, 100);
        Reservation.confirm("c-1", flight, 2, true, NOW);
        assertThatThrownBy(() -> Reservation.confirm("c-2", flight, 1, true, NOW)).isInstanceOfSatisfying(ReservationException.class,
                e -> assertThat(e.code()).isEqualTo("sold-out"));
        assertThat(flight.seatsAvailable()).isZero();
    }

    @Test
    void cancelledOrDepartedFlightsCannotBeBooked() {
        Flight cancelled = flight(10, 100);
        cancelled.cancel();
        assertThatThrownBy(() -> Reservation.confirm("c-1", cancelled, 1, true, NOW)).isInstanceOfSatisfying(ReservationException.class,
                e -> assertThat(e.code()).isEqualTo("flight-cancelled"));
        assertThatThrownBy(() -> Reservation.confirm("c-1", flight(10, 100), 1, true, DEPARTURE)).isInstanceOfSatisfying(ReservationException.class,
                e -> assertThat(e.code()).isEqualTo("flight-departed"));
    }

    @Test
    void cancellingReturnsTheSeatsKeepsTheReasonAndHappensOnce() {
        Flight flight = flight(4, 100);
        Reservation reservation = Reservation.confirm("c-1", flight, 3, true, NOW);
        reservation.cancel(CancellationReason.FLIGHT_CANCELLED, flight, NOW);
        assertThat(reservation.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(reservation.cancellationReason()).isEqualTo(CancellationReason.FLIGHT_CANCELLED);
        assertThat(reservation.miles()).as("what it accrued, for the reversal").isEqualTo(300);
        assertThat(flight.seatsAvailable()).isEqualTo(4);
        assertThatThrownBy(() -> reservation.cancel(CancellationReason.CUSTOMER_REQUEST, flight, NOW))
                .isInstanceOfSatisfying(ReservationException.class, e -> assertThat(e.code()).isEqualTo("reservation-cancelled"));
        assertThat(flight.seatsAvailable()).as("released once").isEqualTo(4);
    }

    @Test
    void aReplicaRefreshKeepsTakenSeatsAndNeverUndoesACancellation() {
        Flight flight = flight(10, 100);
        Reservation.confirm("c-1", flight, 4, true, NOW);
        flight.cancel();
        flight.refresh(new FlightFacts(5, "KE1234", "ICN", "CJU", DEPARTURE, DEPARTURE.plusSeconds(4200), 10, 200, FARE, FlightStatus.SCHEDULED));
        assertThat(flight.seatsAvailable()).isEqualTo(6);
        assertThat(flight.status()).isEqualTo(FlightStatus.CANCELLED);
        assertThat(flight.milesFor(2)).isEqualTo(400);
    }

    @Test
    void passengersAreBetweenOneAndNine() {
        assertThatThrownBy(() -> Reservation.confirm("c-1", flight(20, 100), 0, true, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reservation.confirm("c-1", flight(20, 100), 10, true, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
