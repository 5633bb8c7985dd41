package com.msaair.reservation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.domain.DomainEvent;
import com.msaair.platform.domain.Money;
import com.msaair.platform.outbox.Outbox;
import com.msaair.reservation.domain.CancellationReason;
import com.msaair.reservation.domain.CustomerDirectory.CustomerCheck;
import com.msaair.reservation.domain.Flight;
import com.msaair.reservation.domain.FlightDirectory;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.FlightStatus;
import com.msaair.reservation.domain.Payments.PaymentOutcome;
import com.msaair.reservation.domain.Payments;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationEvents.ReservationCancelled;
import com.msaair.reservation.domain.ReservationEvents.ReservationCreated;
import com.msaair.reservation.domain.ReservationEvents.ReservationHeld;
import com.msaair.reservation.domain.ReservationEvents.ReservationReleased;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.ReservationStatus;
import com.msaair.reservation.domain.SeatLayout;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The flight check of a booking: the local replica answers for the flights it has, the schedule service
 * is asked only for the others, and a flight cancelled in schedule before the replica heard of it ends
 * with every booking on it cancelled and refunded in full once ScheduleCancelled arrives.
 */
class FlightCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Instant DEPARTURE = Instant.parse("2026-12-24T09:00:00Z");
    private static final long FLIGHT = 5;

    private final SeatLifecycleTest.Flights flights = new SeatLifecycleTest.Flights();
    private final SeatLifecycleTest.Reservations reservations = new SeatLifecycleTest.Reservations();
    private final SeatLifecycleTest.Seats seats = new SeatLifecycleTest.Seats(reservations);
    private final List<String> announced = new ArrayList<>();
    private final List<Long> askedSchedule = new ArrayList<>();
    private final BookingService bookings = new BookingService();
    private final FlightReplicaService replica = new FlightReplicaService();

    /** What the schedule service answers, live. */
    private Supplier<FlightFacts> schedule = () -> facts(FlightStatus.SCHEDULED);
    /** What happens while the booking is charged. */
    private Supplier<PaymentOutcome> charge = () -> PaymentOutcome.PAID;

    private static FlightFacts facts(FlightStatus status) {
        return new FlightFacts(FLIGHT, "KE1234", "ICN", "CJU", DEPARTURE, DEPARTURE.plusSeconds(4200), "A321",
                SeatLayout.of(30, "ABCDEF", List.of("C|D"), 180), 100, new Money(125_000, "KRW"), status);
    }

    @BeforeEach
    void wire() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Outbox outbox = new Outbox() {
            @Override
            public void publish(DomainEvent event, Instant at, UUID causationId) {
                if (event instanceof ReservationHeld held) {
                    announced.add("held " + held.reservationId());
                } else if (event instanceof ReservationCreated created) {
                    announced.add("confirmed " + created.reservationId());
                } else if (event instanceof ReservationReleased released) {
                    announced.add("released " + released.reservationId());
                } else if (event instanceof ReservationCancelled cancelled) {
                    announced.add("cancelled " + cancelled.reservationId() + " refund " + cancelled.refund().amount());
                }
            }
        };
        BookingTerms terms = new BookingTerms();
        terms.holdSeconds = 900;
        terms.captureMarginSeconds = 60;
        terms.refundBeforeDeparture = 100;
        IdempotencyKeys noKeys = new IdempotencyKeys() {
            @Override
            public Optional<Recorded> find(String customerId, String key) {
                return Optional.empty();
            }

            @Override
            public void record(String customerId, String key, String fingerprint, long reservationId, Instant at) {}
        };
        SeatBooking seatBooking = new SeatBooking();
        seatBooking.flights = flights;
        seatBooking.reservations = reservations;
        seatBooking.seatInventory = seats;
        seatBooking.idempotencyKeys = noKeys;
        seatBooking.outbox = outbox;
        seatBooking.terms = terms;
        seatBooking.clock = clock;
        HoldSettlement outcomes = new HoldSettlement();
        outcomes.reservations = reservations;
        outcomes.flights = flights;
        outcomes.seatInventory = seats;
        outcomes.outbox = outbox;
        outcomes.clock = clock;
        replica.flights = flights;
        replica.reservations = reservations;
        replica.seatInventory = seats;
        replica.outbox = outbox;
        replica.clock = clock;
        bookings.seats = seatBooking;
        bookings.holds = outcomes;
        bookings.reservations = reservations;
        bookings.idempotencyKeys = noKeys;
        bookings.terms = terms;
        bookings.customers = new KnownCustomers();
        bookings.customers.directory = customerId -> CustomerCheck.VERIFIED;
        bookings.flightDirectory = new FlightDirectory() {
            @Override
            public FlightFacts find(long scheduleId) {
                askedSchedule.add(scheduleId);
                return schedule.get();
            }
        };
        bookings.payments = new Payments() {
            @Override
            public PaymentOutcome charge(Reservation reservation, Instant captureBefore) {
                return charge.get();
            }
        };
    }

    private Reservation book() {
        return bookings.book(new BookFlight("c-1", FLIGHT, 2, "pm_card_visa", Optional.empty(), List.of())).reservation();
    }

    @Test
    void aFlightTheReplicaHasIsBookedWithoutAskingSchedule() {
        flights.addIfAbsent(Flight.of(facts(FlightStatus.SCHEDULED)));
        schedule = () -> {
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
        schedule = () -> facts(FlightStatus.CANCELLED);

        assertThatThrownBy(this::book).isInstanceOfSatisfying(ReservationException.class, e -> assertThat(e.code()).isEqualTo("flight-cancelled"));
        assertThat(flights.find(FLIGHT)).isEmpty();
        assertThat(reservations.all()).isEmpty();
    }

    @Test
    void aFlightNobodyKnowsIsNotFound() {
        schedule = () -> {
            throw ReservationException.flightNotFound(FLIGHT);
        };

        assertThatThrownBy(this::book).isInstanceOfSatisfying(ReservationException.class, e -> assertThat(e.code()).isEqualTo("flight-not-found"));
        assertThat(reservations.all()).isEmpty();
    }

    @Test
    void aFlightTheReplicaKnowsIsCancelledIsAConflictWithoutAskingSchedule() {
        flights.addIfAbsent(Flight.of(facts(FlightStatus.SCHEDULED)));
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
        flights.addIfAbsent(Flight.of(facts(FlightStatus.SCHEDULED)));
        Reservation confirmed = book();
        assertThat(confirmed.status()).isEqualTo(ReservationStatus.CONFIRMED);

        // The event arrives while the next booking is being charged: after its hold, before its confirmation.
        charge = () -> {
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
        assertThat(announced).as("the second booking is never announced as confirmed (no ReservationCreated, no miles)")
                .doesNotContain("confirmed " + paidAfterItsFlightWasCancelled.id());
        assertThat(flights.find(FLIGHT)).hasValueSatisfying(flight -> {
            assertThat(flight.status()).isEqualTo(FlightStatus.CANCELLED);
            assertThat(flight.seatsAvailable()).isEqualTo(180);
        });
        assertThat(seats.occupied(FLIGHT)).isEmpty();
    }
}
