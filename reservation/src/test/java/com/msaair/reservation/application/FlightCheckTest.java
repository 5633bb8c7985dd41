package com.msaair.reservation.application;

import static com.msaair.reservation.application.ReservationUseCases.FLIGHT;
import static com.msaair.reservation.application.ReservationUseCases.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.reservation.domain.CancellationReason;
import com.msaair.reservation.domain.FlightStatus;
import com.msaair.reservation.domain.Payments.PaymentOutcome;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.ReservationStatus;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The flight check of a booking: the local replica answers for the flights it has, the schedule service
 * is asked only for the others, and a flight cancelled in schedule before the replica heard of it ends
 * with every booking on it cancelled and refunded in full once ScheduleCancelled arrives.
 */
class FlightCheckTest {

    private final ReservationUseCases app = new ReservationUseCases();
    private final InMemoryFlights flights = app.flights;
    private final InMemoryReservations reservations = app.reservations;
    private final FlightReplicaService replica = app.replica;
    private final List<Long> askedSchedule = app.scheduleAsked;

    FlightCheckTest() {
        app.schedule = scheduleId -> facts(FlightStatus.SCHEDULED);
    }

    private Reservation book() {
        return app.book(2);
    }

    @Test
    void aFlightTheReplicaHasIsBookedWithoutAskingSchedule() {
        app.withFlight();
        app.schedule = scheduleId -> {
            throw new AssertionError("schedule asked about a flight the replica has");
        };

        assertThat(book().status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(askedSchedule).isEmpty();
    }

    @Test
    void aFlightTheReplicaDoesNotHaveYetIsAskedOfScheduleOnceWhoseAnswerStartsTheReplica() {
        assertThat(book().status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(book().status()).isEqualTo(ReservationStatus.CONFIRMED);

        assertThat(askedSchedule).as("only the first booking, before ScheduleCreated arrived").containsExactly(FLIGHT);
        assertThat(flights.find(FLIGHT)).hasValueSatisfying(flight -> assertThat(flight.seatsAvailable()).isEqualTo(176));
    }

    @Test
    void aLiveAnswerAheadOfTheReplicaThatSaysCancelledBooksNothingAndStartsNoReplica() {
        app.schedule = scheduleId -> facts(FlightStatus.CANCELLED);

        assertThatThrownBy(this::book).isInstanceOfSatisfying(ReservationException.class, e -> assertThat(e.code()).isEqualTo("flight-cancelled"));
        assertThat(flights.find(FLIGHT)).isEmpty();
        assertThat(reservations.all()).isEmpty();
    }

    @Test
    void aFlightNobodyKnowsIsNotFound() {
        app.schedule = scheduleId -> {
            throw ReservationException.flightNotFound(scheduleId);
        };

        assertThatThrownBy(this::book).isInstanceOfSatisfying(ReservationException.class, e -> assertThat(e.code()).isEqualTo("flight-not-found"));
        assertThat(reservations.all()).isEmpty();
    }

    @Test
    void aFlightTheReplicaKnowsIsCancelledIsAConflictWithoutAskingSchedule() {
        app.withFlight();
        replica.scheduleCancelled(FLIGHT, UUID.randomUUID());

        assertThatThrownBy(this::book).isInstanceOfSatisfying(ReservationException.class, e -> assertThat(e.code()).isEqualTo("flight-cancelled"));
        assertThat(askedSchedule).isEmpty();
    }

    /**
     * Schedule has cancelled the flight; the replica has not heard yet. Whether ScheduleCancelled arrives
     * after the booking was confirmed, or between its hold and its confirmation, the booking ends
     * cancelled by the airline, refunded in full, never confirmed after its flight was cancelled.
     */
    @Test
    void aBookingTheReplicaTookForAFlightScheduleHadCancelledIsCancelledWithItAndRefundedInFull() {
        app.withFlight();
        Reservation confirmed = book();
        assertThat(confirmed.status()).isEqualTo(ReservationStatus.CONFIRMED);

        // The event arrives while the next booking is being charged: after its hold, before its confirmation.
        app.payment = (reservation, captureBefore) -> {
            replica.scheduleCancelled(FLIGHT, UUID.randomUUID());
            return PaymentOutcome.PAID;
        };
        Reservation paidAfterItsFlightWasCancelled = book();

        for (Reservation reservation : List.of(confirmed, paidAfterItsFlightWasCancelled)) {
            Reservation now = reservations.find(reservation.id()).orElseThrow();
            assertThat(now.status()).isEqualTo(ReservationStatus.CANCELLED);
            assertThat(now.cancellationReason()).isEqualTo(CancellationReason.FLIGHT_CANCELLED);
            assertThat(now.refund()).as("in full").isEqualTo(now.price());
        }
        assertThat(paidAfterItsFlightWasCancelled.status()).as("what the booking's request is answered").isEqualTo(ReservationStatus.CANCELLED);
        assertThat(app.announced()).filteredOn(line -> line.startsWith("ReservationCreated"))
                .as("the second booking is never announced as confirmed (no ReservationCreated, no miles)")
                .containsExactly("ReservationCreated 1 [1A, 1B]");
        assertThat(flights.find(FLIGHT)).hasValueSatisfying(flight -> {
            assertThat(flight.status()).isEqualTo(FlightStatus.CANCELLED);
            assertThat(flight.seatsAvailable()).isEqualTo(180);
        });
        assertThat(app.seats.occupied(FLIGHT)).isEmpty();
    }
}
