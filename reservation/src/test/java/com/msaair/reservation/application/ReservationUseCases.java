package com.msaair.reservation.application;

import com.msaair.platform.domain.Money;
import com.msaair.platform.testing.RecordingOutbox;
import com.msaair.platform.testing.SteppingClock;
import com.msaair.reservation.domain.CustomerDirectory;
import com.msaair.reservation.domain.CustomerDirectory.CustomerCheck;
import com.msaair.reservation.domain.Flight;
import com.msaair.reservation.domain.FlightDirectory;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.FlightStatus;
import com.msaair.reservation.domain.Payments;
import com.msaair.reservation.domain.Payments.PaymentOutcome;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.SeatLayout;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reservation's use cases wired by hand as CDI wires them, on in-memory ports: the database's tables,
 * the outbox, and the other services (mileage, schedule, payment), whose answers a test sets.
 */
final class ReservationUseCases {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final Instant DEPARTURE = Instant.parse("2026-12-24T09:00:00Z");
    static final long FLIGHT = 5;
    static final Money FARE = new Money(125_000, "KRW");
    static final String CUSTOMER = "c-1";

    /** A charge the booking asked of payment. */
    record Charge(long reservationId, Money amount, String paymentMethod, Instant captureBefore) {}

    final SteppingClock clock = new SteppingClock(NOW);
    /** The rows locked, in order, flights and reservations alike. */
    final List<String> locks = new ArrayList<>();
    final InMemoryFlights flights = new InMemoryFlights(locks);
    final InMemoryReservations reservations = new InMemoryReservations(locks);
    final InMemorySeats seats = new InMemorySeats(reservations);
    final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys();
    final RecordingOutbox outbox = new RecordingOutbox();
    final BookingTerms terms = new BookingTerms();
    /** Captures reported to operators as not paying their booking: "reservation amount payer". */
    final List<String> captureMismatches = new ArrayList<>();
    final List<String> customersChecked = new ArrayList<>();
    final List<Long> scheduleAsked = new ArrayList<>();
    final List<Charge> charges = new ArrayList<>();

    /** What mileage answers about a customer. */
    CustomerDirectory mileage = customerId -> CustomerCheck.VERIFIED;
    /** What schedule answers, live, about a flight the replica does not have. */
    FlightDirectory schedule = scheduleId -> {
        throw ReservationException.flightNotFound(scheduleId);
    };
    /** How a booking's own charge goes. */
    Payments payment = (reservation, captureBefore) -> PaymentOutcome.PAID;

    final SeatBooking seatBooking = new SeatBooking();
    final HoldSettlement holds = new HoldSettlement();
    final BookingService bookings = new BookingService();
    final FlightReplicaService replica = new FlightReplicaService();
    final HoldExpiry holdExpiry = new HoldExpiry();

    ReservationUseCases() {
        terms.holdSeconds = 900;
        terms.captureMarginSeconds = 60;
        terms.refundBeforeDeparture = 100;
        terms.refundAfterDeparture = 0;
        CaptureMismatches mismatches = new CaptureMismatches() {
            @Override
            void captureIgnored(Reservation reservation, Money amount, String payer, UUID eventId) {
                captureMismatches.add(reservation.id() + " " + amount.amount() + " " + amount.currency() + " " + payer);
            }
        };
        seatBooking.flights = flights;
        seatBooking.reservations = reservations;
        seatBooking.seatInventory = seats;
        seatBooking.idempotencyKeys = idempotencyKeys;
        seatBooking.outbox = outbox;
        seatBooking.terms = terms;
        seatBooking.clock = clock;
        holds.reservations = reservations;
        holds.flights = flights;
        holds.seatInventory = seats;
        holds.outbox = outbox;
        holds.mismatches = mismatches;
        holds.clock = clock;
        bookings.seats = seatBooking;
        bookings.holds = holds;
        bookings.reservations = reservations;
        bookings.idempotencyKeys = idempotencyKeys;
        bookings.terms = terms;
        bookings.customers = new KnownCustomers();
        bookings.customers.directory = customerId -> {
            customersChecked.add(customerId);
            return mileage.check(customerId);
        };
        bookings.flightDirectory = scheduleId -> {
            scheduleAsked.add(scheduleId);
            return schedule.find(scheduleId);
        };
        bookings.payments = (reservation, captureBefore) -> {
            charges.add(new Charge(reservation.id(), reservation.price(), reservation.paymentMethod(), captureBefore));
            return payment.charge(reservation, captureBefore);
        };
        replica.flights = flights;
        replica.reservations = reservations;
        replica.seatInventory = seats;
        replica.outbox = outbox;
        replica.clock = clock;
        holdExpiry.holds = holds;
    }

    /** Flight 5, ICN-CJU on an A321 of 180 seats (30 rows of ABC|DEF), 100 miles and 125,000 KRW a seat. */
    static FlightFacts facts(FlightStatus status) {
        return new FlightFacts(FLIGHT, "KE1234", "ICN", "CJU", DEPARTURE, DEPARTURE.plusSeconds(4200), "A321",
                SeatLayout.of(30, "ABCDEF", List.of("C|D"), 180), 100, FARE, status);
    }

    /** The replica has flight 5, as its ScheduleCreated made it. */
    ReservationUseCases withFlight() {
        flights.addIfAbsent(Flight.of(facts(FlightStatus.SCHEDULED)));
        return this;
    }

    Flight flight() {
        return flights.find(FLIGHT).orElseThrow();
    }

    static BookFlight request(int passengers, String key, String... seats) {
        return new BookFlight(CUSTOMER, FLIGHT, passengers, "pm_card_visa", Optional.ofNullable(key), List.of(seats));
    }

    /** Books without an idempotency key, answering the booking's reservation. */
    Reservation book(int passengers, String... seats) {
        return bookings.book(request(passengers, null, seats)).reservation();
    }

    /** The events written to the outbox, each as its type, its reservation (the correlation id) and its seats: "ReservationHeld 1 [12A, 12B]". */
    List<String> announced() {
        return outbox.published().stream().map(p -> p.type() + " " + p.event().correlationId() + " "
                + p.event().data().getJsonArray("seats").getValuesAs(JsonString::getString)).toList();
    }
}
