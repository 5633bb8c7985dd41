package com.msaair.reservation.application;

import static com.msaair.reservation.application.ReservationUseCases.FLIGHT;
import static com.msaair.reservation.application.ReservationUseCases.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.ReservationStatus;
import com.msaair.reservation.domain.Seat;
import com.msaair.reservation.domain.SeatState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A seat's life through the application's use cases, on in-memory ports that keep what the database
 * keeps (a seat held twice is refused like the primary key refuses it): HELD with its booking, TAKEN
 * once paid, FREE at once when the booking is cancelled, declined, expired or its flight cancelled —
 * and the flight's count of free seats always what the seats say.
 */
class SeatLifecycleTest {

    private final ReservationUseCases app = new ReservationUseCases().withFlight();
    private final InMemoryFlights flights = app.flights;
    private final InMemoryReservations reservations = app.reservations;
    private final SeatBooking booking = app.seatBooking;
    private final HoldSettlement holds = app.holds;
    private final FlightReplicaService replica = app.replica;

    private Reservation hold(int passengers, String... named) {
        return booking.hold(ReservationUseCases.request(passengers, null, named), true).orElseThrow().reservation();
    }

    private Map<String, SeatState> occupied() {
        FlightSeats map = replica.seats(FLIGHT);
        assertThat(map.count(SeatState.FREE)).as("the count agrees with the seats").isEqualTo(map.flight().seatsAvailable());
        assertThat(map.count(SeatState.FREE) + map.count(SeatState.HELD) + map.count(SeatState.TAKEN)).isEqualTo(180);
        return map.occupied().entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    @Test
    void namedSeatsAreHeldThenTakenOncePaidThenFreeAtOnceWhenCancelled() {
        Reservation r = hold(2, "12A", "12B");
        assertThat(occupied()).containsExactlyEntriesOf(new TreeMap<>(Map.of("12A", SeatState.HELD, "12B", SeatState.HELD)));
        holds.confirm(r, null);
        assertThat(occupied()).containsExactlyEntriesOf(new TreeMap<>(Map.of("12A", SeatState.TAKEN, "12B", SeatState.TAKEN)));
        booking.cancel(r.id());
        assertThat(occupied()).isEmpty();
        assertThat(r.seats()).as("the booking keeps what it had").extracting(Seat::toString).containsExactly("12A", "12B");
        assertThat(app.announced()).containsExactly("ReservationHeld 1 [12A, 12B]", "ReservationCreated 1 [12A, 12B]",
                "ReservationCancelled 1 [12A, 12B]");
        assertThat(hold(2, "12A", "12B").seats()).as("bookable again").hasSize(2);
    }

    @Test
    void aBookingIsConfirmedOnceWhicheverOfItsOwnChargeAndItsPaymentCapturedComesFirst() {
        Reservation byEvent = hold(1, "5A");
        holds.captured(byEvent.id(), byEvent.price(), "c-1", UUID.randomUUID());
        Reservation answered = holds.confirm(byEvent, null);
        assertThat(answered.status()).isEqualTo(ReservationStatus.CONFIRMED);

        Reservation byCharge = hold(1, "5B");
        assertThat(holds.confirm(byCharge, null).confirmedAt()).isEqualTo(NOW);
        holds.captured(byCharge.id(), byCharge.price(), "c-1", UUID.randomUUID());

        assertThat(app.announced()).filteredOn(line -> line.startsWith("ReservationCreated"))
                .containsExactly("ReservationCreated 1 [5A]", "ReservationCreated 2 [5B]");
        assertThat(occupied()).containsExactlyEntriesOf(new TreeMap<>(Map.of("5A", SeatState.TAKEN, "5B", SeatState.TAKEN)));
    }

    @Test
    void aDeclinedOrExpiredHoldFreesItsSeatsAtOnceAndOnlyOnce() {
        Reservation declined = hold(1, "3C");
        Reservation expired = hold(3);
        Reservation kept = hold(1, "3D");
        holds.release(declined.id(), ReservationStatus.PAYMENT_FAILED, "card_declined", null);
        holds.release(expired.id(), ReservationStatus.EXPIRED, "hold_expired", null);
        assertThat(occupied()).containsOnlyKeys("3D");
        holds.release(declined.id(), ReservationStatus.EXPIRED, "hold_expired", null);
        holds.confirm(expired, null);
        assertThat(occupied()).as("a second end and a late capture change nothing").containsOnlyKeys("3D");
        assertThat(flights.find(FLIGHT).orElseThrow().seatsAvailable()).isEqualTo(179);
        assertThat(kept.status()).isEqualTo(ReservationStatus.HELD);
    }

    @Test
    void aSeatHeldOrTakenIsRefusedBeforeAnythingIsStoredAndTheOthersNeverCollide() {
        Reservation first = hold(2, "7A", "7B");
        holds.confirm(first, null);
        assertThatThrownBy(() -> hold(2, "7B", "7C")).isInstanceOfSatisfying(ReservationException.class, e -> {
            assertThat(e.code()).isEqualTo("seat-taken");
            assertThat(e.getMessage()).contains("7B").doesNotContain("7C");
        });
        assertThat(reservations.all()).as("no booking made, so nothing to charge").hasSize(1);
        for (int i = 0; i < 20; i++) {
            hold(3);
        }
        List<String> all = reservations.all().stream().flatMap(r -> r.seats().stream()).map(Seat::toString).toList();
        assertThat(all).hasSize(62).doesNotHaveDuplicates();
        assertThat(occupied()).hasSize(62);
    }

    @Test
    void aCancelledFlightFreesEverySeatOnceAndNothingTwice() {
        Reservation paid = hold(2, "1A", "1B");
        holds.confirm(paid, null);
        hold(3);
        Reservation cancelledBefore = hold(1, "9F");
        booking.cancel(cancelledBefore.id());
        assertThat(replica.scheduleCancelled(FLIGHT, UUID.randomUUID())).as("the two still holding seats").isEqualTo(2);
        assertThat(occupied()).isEmpty();
        assertThat(flights.find(FLIGHT).orElseThrow().seatsAvailable()).isEqualTo(180);
        assertThat(replica.scheduleCancelled(FLIGHT, UUID.randomUUID())).as("a second time: nothing").isZero();
        assertThatThrownBy(() -> booking.cancel(paid.id())).isInstanceOfSatisfying(ReservationException.class,
                e -> assertThat(e.code()).isEqualTo("reservation-cancelled"));
        assertThat(flights.find(FLIGHT).orElseThrow().seatsAvailable()).as("nothing freed twice").isEqualTo(180);
        assertThat(app.announced()).filteredOn(a -> a.startsWith("ReservationCancelled")).hasSize(3);
    }
}
