package com.msaair.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.domain.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReservationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Instant HOLD_ENDS = NOW.plusSeconds(900);
    private static final Instant DEPARTURE = Instant.parse("2026-12-24T09:00:00Z");
    private static final Money FARE = new Money(125_000, "KRW");

    /** What the seat inventory would hold of each flight: the seats of the bookings these tests made. */
    private final Map<Flight, Set<Seat>> occupied = new IdentityHashMap<>();

    static Flight flight(int seats, int miles) {
        return Flight.of(facts(SeatLayout.generic(seats), miles));
    }

    static FlightFacts facts(SeatLayout layout, int miles) {
        return new FlightFacts(5, "KE1234", "ICN", "CJU", DEPARTURE, DEPARTURE.plusSeconds(4200), FlightFacts.GENERIC, layout, miles, FARE,
                FlightStatus.SCHEDULED);
    }

    private Reservation hold(Flight flight, int passengers) {
        return hold(flight, passengers, NOW);
    }

    private Reservation hold(Flight flight, int passengers, Instant now) {
        return hold(flight, passengers, List.of(), now);
    }

    private Reservation hold(Flight flight, int passengers, List<String> seats, Instant now) {
        Set<Seat> taken = occupied.computeIfAbsent(flight, f -> new HashSet<>());
        Reservation reservation = Reservation.hold("c-1", flight, passengers, seats.stream().map(Seat::parse).toList(), Set.copyOf(taken), true,
                "pm_card_visa", now.plusSeconds(900), now);
        taken.addAll(reservation.seats());
        return reservation;
    }

    @Test
    void aBookingHoldsSeatsAndFixesItsPriceAndMilesForEachPassenger() {
        Flight flight = flight(10, 1000);
        Reservation reservation = hold(flight, 3);
        assertThat(reservation.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(reservation.holdExpiresAt()).isEqualTo(HOLD_ENDS);
        assertThat(reservation.miles()).isEqualTo(3000);
        assertThat(reservation.price()).as("the fare times the passengers, fixed when booking").isEqualTo(new Money(375_000, "KRW"));
        assertThat(flight.seatsAvailable()).as("a held booking's seats are taken").isEqualTo(7);
        assertThat(reservation.flightNumber()).isEqualTo("KE1234");
    }

    @Test
    void paidConfirmsAHeldBookingOnce() {
        Reservation reservation = hold(flight(10, 100), 1);
        assertThat(reservation.confirm(NOW)).isTrue();
        assertThat(reservation.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(reservation.confirmedAt()).isEqualTo(NOW);
        assertThat(reservation.confirm(NOW.plusSeconds(1))).as("a second capture event changes nothing").isFalse();
        assertThat(reservation.confirmedAt()).isEqualTo(NOW);
    }

    @Test
    void onlyACaptureOfItsPriceFromItsCustomerConfirmsAHeldBooking() {
        Reservation reservation = hold(flight(10, 100), 1);
        assertThat(reservation.paidBy(new Money(1, "KRW"), "c-1", NOW)).as("another amount").isEqualTo(Reservation.CaptureEffect.MISMATCH);
        assertThat(reservation.paidBy(new Money(125_000, "USD"), "c-1", NOW)).as("another currency").isEqualTo(Reservation.CaptureEffect.MISMATCH);
        assertThat(reservation.paidBy(FARE, "c-2", NOW)).as("another customer's money").isEqualTo(Reservation.CaptureEffect.MISMATCH);
        assertThat(reservation.status()).as("none of them confirms it").isEqualTo(ReservationStatus.HELD);
        assertThat(reservation.confirmedAt()).isNull();

        assertThat(reservation.paidBy(FARE, "c-1", NOW)).isEqualTo(Reservation.CaptureEffect.CONFIRMED);
        assertThat(reservation.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(reservation.paidBy(FARE, "c-1", NOW.plusSeconds(1))).as("the same capture again").isEqualTo(Reservation.CaptureEffect.NOT_HELD);
        assertThat(reservation.paidBy(new Money(1, "KRW"), "c-1", NOW)).as("a mismatch is one whatever the state")
                .isEqualTo(Reservation.CaptureEffect.MISMATCH);
    }

    @Test
    void aCaptureForACancelledOrReleasedBookingConfirmsNothing() {
        Flight flight = flight(10, 100);
        Reservation cancelled = hold(flight, 1);
        cancelled.cancel(CancellationReason.CUSTOMER_REQUEST, flight, RefundRule.FULL_UNTIL_DEPARTURE, NOW);
        assertThat(cancelled.paidBy(FARE, "c-1", NOW)).isEqualTo(Reservation.CaptureEffect.NOT_HELD);
        assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(cancelled.refund()).as("a never-paid hold is refunded in full: a late capture goes back").isEqualTo(FARE);
        Reservation released = hold(flight, 1);
        released.release(ReservationStatus.EXPIRED, "hold_expired", flight, HOLD_ENDS);
        assertThat(released.paidBy(FARE, "c-1", HOLD_ENDS)).isEqualTo(Reservation.CaptureEffect.NOT_HELD);
        assertThat(released.status()).isEqualTo(ReservationStatus.EXPIRED);
    }

    @Test
    void aReleasedHoldGivesItsSeatsBackAtOnceAndIsNeverConfirmedAfterwards() {
        Flight flight = flight(4, 100);
        Reservation reservation = hold(flight, 3);
        assertThat(reservation.release(ReservationStatus.PAYMENT_FAILED, "insufficient_funds", flight, NOW)).isTrue();
        assertThat(reservation.status()).isEqualTo(ReservationStatus.PAYMENT_FAILED);
        assertThat(reservation.releaseReason()).isEqualTo("insufficient_funds");
        assertThat(flight.seatsAvailable()).isEqualTo(4);
        assertThat(reservation.confirm(NOW)).as("a late capture does not confirm a released booking").isFalse();
        assertThat(reservation.release(ReservationStatus.EXPIRED, "hold_expired", flight, NOW)).as("released once").isFalse();
        assertThat(flight.seatsAvailable()).as("seats given back once").isEqualTo(4);
        assertThat(reservation.status()).isEqualTo(ReservationStatus.PAYMENT_FAILED);
    }

    @Test
    void aConfirmedBookingIsNotReleased() {
        Flight flight = flight(4, 100);
        Reservation reservation = hold(flight, 2);
        reservation.confirm(NOW);
        assertThat(reservation.release(ReservationStatus.EXPIRED, "hold_expired", flight, HOLD_ENDS)).isFalse();
        assertThat(reservation.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(flight.seatsAvailable()).isEqualTo(2);
    }

    @Test
    void aHoldRunsOutAtItsExpiry() {
        Reservation reservation = hold(flight(4, 100), 1);
        assertThat(reservation.holdExpiredAt(HOLD_ENDS.minusMillis(1))).isFalse();
        assertThat(reservation.holdExpiredAt(HOLD_ENDS)).isTrue();
        reservation.confirm(NOW);
        assertThat(reservation.holdExpiredAt(HOLD_ENDS.plusSeconds(60))).as("a confirmed booking has no hold").isFalse();
    }

    @Test
    void neverOversoldHeldSeatsCount() {
        Flight flight = flight(2, 100);
        hold(flight, 2);
        assertThatThrownBy(() -> hold(flight, 1)).isInstanceOfSatisfying(ReservationException.class,
                e -> assertThat(e.code()).isEqualTo("sold-out"));
        assertThat(flight.seatsAvailable()).isZero();
    }

    @Test
    void cancelledOrDepartedFlightsCannotBeBooked() {
        Flight cancelled = flight(10, 100);
        cancelled.cancel();
        assertThatThrownBy(() -> hold(cancelled, 1)).isInstanceOfSatisfying(ReservationException.class,
                e -> assertThat(e.code()).isEqualTo("flight-cancelled"));
        assertThatThrownBy(() -> hold(flight(10, 100), 1, DEPARTURE)).isInstanceOfSatisfying(ReservationException.class,
                e -> assertThat(e.code()).isEqualTo("flight-departed"));
    }

    @Test
    void cancellingReturnsTheSeatsFixesTheRefundKeepsTheReasonAndHappensOnce() {
        Flight flight = flight(4, 100);
        Reservation reservation = hold(flight, 3);
        reservation.confirm(NOW);
        reservation.cancel(CancellationReason.CUSTOMER_REQUEST, flight, RefundRule.FULL_UNTIL_DEPARTURE, NOW);
        assertThat(reservation.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(reservation.cancellationReason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST);
        assertThat(reservation.refund()).as("in full before departure").isEqualTo(new Money(375_000, "KRW"));
        assertThat(reservation.miles()).as("what it accrued, for the reversal").isEqualTo(300);
        assertThat(flight.seatsAvailable()).isEqualTo(4);
        assertThatThrownBy(() -> reservation.cancel(CancellationReason.CUSTOMER_REQUEST, flight, RefundRule.FULL_UNTIL_DEPARTURE, NOW))
                .isInstanceOfSatisfying(ReservationException.class, e -> assertThat(e.code()).isEqualTo("reservation-cancelled"));
        assertThat(flight.seatsAvailable()).as("released once").isEqualTo(4);
    }

    @Test
    void aReleasedBookingCannotBeCancelled() {
        Flight flight = flight(4, 100);
        Reservation reservation = hold(flight, 1);
        reservation.release(ReservationStatus.EXPIRED, "hold_expired", flight, HOLD_ENDS);
        assertThatThrownBy(() -> reservation.cancel(CancellationReason.CUSTOMER_REQUEST, flight, RefundRule.FULL_UNTIL_DEPARTURE, NOW))
                .isInstanceOfSatisfying(ReservationException.class, e -> assertThat(e.code()).isEqualTo("reservation-released"));
        assertThat(flight.seatsAvailable()).isEqualTo(4);
    }

    @Test
    void theFareRuleRefundsByTheTimeOfCancellationButAlwaysInFullForACancelledFlightOrAnUnpaidHold() {
        RefundRule rule = new RefundRule(80, 10);
        Money price = new Money(250_001, "KRW");
        assertThat(rule.refundFor(price, ReservationStatus.CONFIRMED, CancellationReason.CUSTOMER_REQUEST, DEPARTURE, NOW))
                .as("80 %, rounded down to a whole won").isEqualTo(new Money(200_000, "KRW"));
        assertThat(rule.refundFor(price, ReservationStatus.CONFIRMED, CancellationReason.CUSTOMER_REQUEST, DEPARTURE, DEPARTURE))
                .as("after departure").isEqualTo(new Money(25_000, "KRW"));
        assertThat(rule.refundFor(price, ReservationStatus.CONFIRMED, CancellationReason.FLIGHT_CANCELLED, DEPARTURE, DEPARTURE))
                .isEqualTo(price);
        assertThat(rule.refundFor(price, ReservationStatus.HELD, CancellationReason.CUSTOMER_REQUEST, DEPARTURE, DEPARTURE))
                .as("whatever lands for an unpaid booking goes back").isEqualTo(price);
        assertThatThrownBy(() -> new RefundRule(101, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReplicaRefreshKeepsTakenSeatsAndNeverUndoesACancellation() {
        Flight flight = flight(10, 100);
        hold(flight, 4);
        flight.cancel();
        flight.refresh(facts(SeatLayout.generic(10), 200));
        assertThat(flight.seatsAvailable()).isEqualTo(6);
        assertThat(flight.status()).isEqualTo(FlightStatus.CANCELLED);
        assertThat(flight.milesFor(2)).isEqualTo(400);
    }

    @Test
    void namedSeatsAreHeldWhenFreeAndInOrder() {
        Flight flight = flight(10, 100);
        Reservation reservation = hold(flight, 2, List.of("2B", "1F"), NOW);
        assertThat(reservation.seats()).extracting(Seat::toString).containsExactly("1F", "2B");
        assertThat(flight.seatsAvailable()).isEqualTo(8);
    }

    @Test
    void aSeatHeldOrTakenIsRefusedNamingItAndNothingIsTaken() {
        Flight flight = flight(10, 100);
        hold(flight, 2, List.of("1A", "1B"), NOW);
        assertThatThrownBy(() -> hold(flight, 3, List.of("1C", "1B", "1A"), NOW)).isInstanceOfSatisfying(ReservationException.class, e -> {
            assertThat(e.code()).isEqualTo("seat-taken");
            assertThat(e.kind()).isEqualTo(com.msaair.platform.domain.DomainException.Kind.CONFLICT);
            assertThat(e.field()).isEqualTo("seats");
            assertThat(e.getMessage()).contains("1A, 1B").doesNotContain("c-1").doesNotContain("1C");
        });
        assertThat(flight.seatsAvailable()).as("nothing taken").isEqualTo(8);
    }

    @Test
    void aSeatTheFlightDoesNotHaveIsAMalformedRequestNamingTheSeats() {
        Flight flight = flight(10, 100); // 1A-1F, 2A-2D
        for (String seat : List.of("2E", "3A", "1G", "99Z")) {
            assertThatThrownBy(() -> hold(flight, 1, List.of(seat), NOW)).as(seat).isInstanceOfSatisfying(ReservationException.class, e -> {
                assertThat(e.code()).isEqualTo("unknown-seat");
                assertThat(e.kind()).isEqualTo(com.msaair.platform.domain.DomainException.Kind.INVALID);
                assertThat(e.field()).isEqualTo("seats");
                assertThat(e.getMessage()).contains(seat);
            });
        }
        for (List<String> seats : List.of(List.of("1A"), List.of("1A", "1A"), List.of("1A", "1B", "1C"))) {
            assertThatThrownBy(() -> hold(flight, 2, seats, NOW)).as(seats.toString()).isInstanceOfSatisfying(ReservationException.class,
                    e -> assertThat(e.field()).isEqualTo("seats"));
        }
        assertThat(flight.seatsAvailable()).isEqualTo(10);
    }

    @Test
    void withoutNamedSeatsAPartySitsTogetherAndNeverOnASeatAlreadyHeld() {
        Flight flight = flight(12, 100);
        Reservation one = hold(flight, 1);
        Reservation three = hold(flight, 3);
        Reservation two = hold(flight, 2);
        assertThat(one.seats()).extracting(Seat::toString).containsExactly("1A");
        assertThat(three.seats()).extracting(Seat::toString).containsExactly("1D", "1E", "1F");
        assertThat(two.seats()).extracting(Seat::toString).containsExactly("1B", "1C");
        List<Seat> all = new ArrayList<>(one.seats());
        all.addAll(three.seats());
        all.addAll(two.seats());
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void aHoldEndsAfterItIsMadeAndIsReleasedOnlyUnpaidAndOnlyOnItsOwnFlight() {
        Flight flight = flight(10, 100);
        assertThatThrownBy(() -> Reservation.hold("c-1", flight, 1, List.of(), Set.of(), true, "pm_card_visa", NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(flight.seatsAvailable()).isEqualTo(10);
        Reservation reservation = hold(flight, 1);
        assertThatThrownBy(() -> reservation.release(ReservationStatus.CANCELLED, "no", flight, NOW)).isInstanceOf(IllegalArgumentException.class);
        Flight another = Flight.of(new FlightFacts(6, "KE1236", "ICN", "CJU", DEPARTURE, DEPARTURE.plusSeconds(4200), FlightFacts.GENERIC,
                SeatLayout.generic(10), 100, FARE, FlightStatus.SCHEDULED));
        assertThatThrownBy(() -> reservation.release(ReservationStatus.EXPIRED, "hold_expired", another, HOLD_ENDS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(another.seatsAvailable()).as("no seats given to a flight it does not hold").isEqualTo(10);
        assertThat(reservation.status()).isEqualTo(ReservationStatus.HELD);
    }

    @Test
    void aScheduleEventThatSaysCancelledCancelsTheReplica() {
        Flight flight = flight(10, 100);
        flight.refresh(new FlightFacts(5, "KE1234", "ICN", "CJU", DEPARTURE, DEPARTURE.plusSeconds(4200), FlightFacts.GENERIC,
                SeatLayout.generic(10), 100, FARE, FlightStatus.CANCELLED));
        assertThat(flight.status()).isEqualTo(FlightStatus.CANCELLED);
    }

    @Test
    void passengersAreBetweenOneAndNine() {
        assertThatThrownBy(() -> hold(flight(20, 100), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hold(flight(20, 100), 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
