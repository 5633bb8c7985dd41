package com.msaair.reservation.application;

import static com.msaair.reservation.application.ReservationUseCases.DEPARTURE;
import static com.msaair.reservation.application.ReservationUseCases.FARE;
import static com.msaair.reservation.application.ReservationUseCases.FLIGHT;
import static com.msaair.reservation.application.ReservationUseCases.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.domain.Money;
import com.msaair.reservation.domain.CancellationReason;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.FlightStatus;
import com.msaair.reservation.domain.Payments.PaymentOutcome;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationEvents;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.ReservationStatus;
import com.msaair.reservation.domain.Seat;
import com.msaair.reservation.domain.SeatState;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The flight replica kept from schedule events, and the cancellation of every booking on a cancelled flight. */
class FlightReplicaServiceTest {

    private final ReservationUseCases app = new ReservationUseCases();

    @Test
    void scheduleCreatedStartsTheReplicaWithEverySeatFree() {
        app.replica.scheduleCreated(facts(FlightStatus.SCHEDULED));

        FlightSeats seats = app.replica.seats(FLIGHT);
        assertThat(seats.count(SeatState.FREE)).isEqualTo(180);
        assertThat(seats.flight().flightNumber()).isEqualTo("KE1234");
        assertThat(seats.flight().facts()).isEqualTo(facts(FlightStatus.SCHEDULED));
    }

    @Test
    void aLaterScheduleEventRefreshesTheFactsAndKeepsTheSeatsTaken() {
        app.replica.scheduleCreated(facts(FlightStatus.SCHEDULED));
        app.book(2);
        FlightFacts moved = new FlightFacts(FLIGHT, "KE1234", "ICN", "CJU", DEPARTURE.plusSeconds(3600), DEPARTURE.plusSeconds(7800), "A321",
                facts(FlightStatus.SCHEDULED).seatLayout(), 120, new Money(99_000, "KRW"), FlightStatus.SCHEDULED);
        app.locks.clear();

        app.replica.scheduleCreated(moved);

        assertThat(app.locks).as("refreshed with the flight locked, like a booking").containsExactly("flight 5");
        assertThat(app.flight().departureTime()).isEqualTo(DEPARTURE.plusSeconds(3600));
        assertThat(app.flight().seatsAvailable()).isEqualTo(178);
        assertThat(app.replica.seats(FLIGHT).count(SeatState.TAKEN)).isEqualTo(2);
        assertThat(app.replica.seats(FLIGHT).state(Seat.parse("1A"))).isEqualTo(SeatState.TAKEN);
        assertThat(app.replica.seats(FLIGHT).state(Seat.parse("1C"))).isEqualTo(SeatState.FREE);
        Reservation next = app.book(1);
        assertThat(next.price()).as("the new fare for the next booking").isEqualTo(new Money(99_000, "KRW"));
        assertThat(next.miles()).isEqualTo(120);
        assertThat(app.bookings.get(1).price()).as("a booking keeps the price it was made at").isEqualTo(new Money(250_000, "KRW"));
    }

    @Test
    void aCancelledFlightCancelsEveryBookingHoldingSeatsRefundedInFullWhateverTheFareRule() {
        app.terms.refundBeforeDeparture = 0;
        app.withFlight();
        Reservation confirmed = app.book(2);
        app.payment = (reservation, captureBefore) -> PaymentOutcome.PENDING;
        Reservation held = app.book(1);
        app.payment = (reservation, captureBefore) -> PaymentOutcome.declined("card_declined");
        assertThatThrownBy(() -> app.book(3)).isInstanceOf(ReservationException.class);
        app.clock.advance(Duration.ofMinutes(5));
        app.locks.clear();
        UUID scheduleCancelled = UUID.randomUUID();

        assertThat(app.replica.scheduleCancelled(FLIGHT, scheduleCancelled)).isEqualTo(2);

        assertThat(app.locks).as("flight first, then its bookings").containsExactly("flight 5", "reservation 1", "reservation 2");
        for (Reservation reservation : new Reservation[] {confirmed, held}) {
            assertThat(reservation.status()).isEqualTo(ReservationStatus.CANCELLED);
            assertThat(reservation.cancellationReason()).isEqualTo(CancellationReason.FLIGHT_CANCELLED);
            assertThat(reservation.refund()).isEqualTo(reservation.price());
            assertThat(reservation.cancelledAt()).isEqualTo(app.clock.instant());
        }
        assertThat(confirmed.refund()).isEqualTo(FARE.times(2));
        assertThat(app.bookings.get(3).status()).as("released before: left as it was").isEqualTo(ReservationStatus.PAYMENT_FAILED);
        assertThat(app.flight().status()).isEqualTo(FlightStatus.CANCELLED);
        assertThat(app.flight().seatsAvailable()).isEqualTo(180);
        assertThat(app.seats.occupied(FLIGHT)).isEmpty();
        assertThat(app.outbox.published()).filteredOn(p -> p.type().equals(ReservationEvents.RESERVATION_CANCELLED)).hasSize(2)
                .allSatisfy(cancelled -> {
                    assertThat(cancelled.event().causationId()).as("caused by the schedule event").isEqualTo(scheduleCancelled);
                    assertThat(cancelled.event().data().getString("reason")).isEqualTo("FLIGHT_CANCELLED");
                })
                .extracting(p -> p.event().correlationId()).containsExactly("1", "2");
    }

    @Test
    void aCancelledFlightNobodyBookedHereLeavesNoReplica() {
        assertThat(app.replica.scheduleCancelled(FLIGHT, UUID.randomUUID())).isZero();

        assertThat(app.flights.find(FLIGHT)).isEmpty();
        assertThat(app.outbox.published()).isEmpty();
        assertThatThrownBy(() -> app.replica.seats(FLIGHT)).isInstanceOfSatisfying(ReservationException.class,
                e -> assertThat(e.code()).isEqualTo("flight-not-found"));
    }
}
