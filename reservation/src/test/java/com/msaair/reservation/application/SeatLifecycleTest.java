package com.msaair.reservation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.domain.DomainEvent;
import com.msaair.platform.domain.Money;
import com.msaair.platform.outbox.Outbox;
import com.msaair.reservation.domain.Flight;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.FlightRepository;
import com.msaair.reservation.domain.FlightStatus;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationEvents.ReservationCancelled;
import com.msaair.reservation.domain.ReservationEvents.ReservationCreated;
import com.msaair.reservation.domain.ReservationEvents.ReservationHeld;
import com.msaair.reservation.domain.ReservationEvents.ReservationReleased;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.ReservationRepository;
import com.msaair.reservation.domain.ReservationStatus;
import com.msaair.reservation.domain.Seat;
import com.msaair.reservation.domain.SeatInventory;
import com.msaair.reservation.domain.SeatLayout;
import com.msaair.reservation.domain.SeatState;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A seat's life through the application's use cases, on in-memory ports that keep what the database
 * keeps (a seat held twice is refused like the primary key refuses it): HELD with its booking, TAKEN
 * once paid, FREE at once when the booking is cancelled, declined, expired or its flight cancelled —
 * and the flight's count of free seats always what the seats say.
 */
class SeatLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Instant DEPARTURE = Instant.parse("2026-12-24T09:00:00Z");
    private static final long FLIGHT = 5;

    private final Flights flights = new Flights();
    private final Reservations reservations = new Reservations();
    private final Seats seats = new Seats(reservations);
    private final List<String> announced = new ArrayList<>();
    private final SeatBooking booking = new SeatBooking();
    private final HoldSettlement outcomes = new HoldSettlement();
    private final FlightReplicaService replica = new FlightReplicaService();

    @BeforeEach
    void wire() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Outbox outbox = new Outbox() {
            @Override
            public void publish(DomainEvent event, Instant at, UUID causationId) {
                if (event instanceof ReservationHeld held) {
                    announced.add("held " + held.reservationId() + " " + held.seats());
                } else if (event instanceof ReservationCreated created) {
                    announced.add("confirmed " + created.reservationId());
                } else if (event instanceof ReservationReleased released) {
                    announced.add("released " + released.reservationId() + " " + released.seats());
                } else if (event instanceof ReservationCancelled cancelled) {
                    announced.add("cancelled " + cancelled.reservationId() + " " + cancelled.seats());
                }
            }
        };
        BookingTerms terms = new BookingTerms();
        terms.holdSeconds = 900;
        terms.captureMarginSeconds = 60;
        terms.refundBeforeDeparture = 100;
        booking.flights = flights;
        booking.reservations = reservations;
        booking.seatInventory = seats;
        booking.idempotencyKeys = new IdempotencyKeys() {
            @Override
            public Optional<Recorded> find(String customerId, String key) {
                return Optional.empty();
            }

            @Override
            public void record(String customerId, String key, String fingerprint, long reservationId, Instant at) {}
        };
        booking.outbox = outbox;
        booking.terms = terms;
        booking.clock = clock;
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
        flights.addIfAbsent(Flight.of(new FlightFacts(FLIGHT, "KE1234", "ICN", "CJU", DEPARTURE, DEPARTURE.plusSeconds(4200), "A321",
                SeatLayout.of(30, "ABCDEF", List.of("C|D"), 180), 100, new Money(125_000, "KRW"), FlightStatus.SCHEDULED)));
    }

    private Reservation hold(int passengers, String... named) {
        return booking.hold(new BookFlight("c-1", FLIGHT, passengers, "pm_card_visa", Optional.empty(), List.of(named)), true).orElseThrow()
                .reservation();
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
        outcomes.confirm(r, null);
        assertThat(occupied()).containsExactlyEntriesOf(new TreeMap<>(Map.of("12A", SeatState.TAKEN, "12B", SeatState.TAKEN)));
        booking.cancel(r.id());
        assertThat(occupied()).isEmpty();
        assertThat(r.seats()).as("the booking keeps what it had").extracting(Seat::toString).containsExactly("12A", "12B");
        assertThat(announced).containsExactly("held 1 [12A, 12B]", "confirmed 1", "cancelled 1 [12A, 12B]");
        assertThat(hold(2, "12A", "12B").seats()).as("bookable again").hasSize(2);
    }

    @Test
    void aBookingIsConfirmedOnceWhicheverOfItsOwnChargeAndItsPaymentCapturedComesFirst() {
        Reservation byEvent = hold(1, "5A");
        outcomes.captured(byEvent.id(), byEvent.price(), "c-1", UUID.randomUUID());
        Reservation answered = outcomes.confirm(byEvent, null);
        assertThat(answered.status()).isEqualTo(ReservationStatus.CONFIRMED);

        Reservation byCharge = hold(1, "5B");
        assertThat(outcomes.confirm(byCharge, null).confirmedAt()).isEqualTo(NOW);
        outcomes.captured(byCharge.id(), byCharge.price(), "c-1", UUID.randomUUID());

        assertThat(announced).filteredOn(line -> line.startsWith("confirmed")).containsExactly("confirmed 1", "confirmed 2");
        assertThat(occupied()).containsExactlyEntriesOf(new TreeMap<>(Map.of("5A", SeatState.TAKEN, "5B", SeatState.TAKEN)));
    }

    @Test
    void aDeclinedOrExpiredHoldFreesItsSeatsAtOnceAndOnlyOnce() {
        Reservation declined = hold(1, "3C");
        Reservation expired = hold(3);
        Reservation kept = hold(1, "3D");
        outcomes.release(declined.id(), ReservationStatus.PAYMENT_FAILED, "card_declined", null);
        outcomes.release(expired.id(), ReservationStatus.EXPIRED, "hold_expired", null);
        assertThat(occupied()).containsOnlyKeys("3D");
        outcomes.release(declined.id(), ReservationStatus.EXPIRED, "hold_expired", null);
        outcomes.confirm(expired, null);
        assertThat(occupied()).as("a second end and a late capture change nothing").containsOnlyKeys("3D");
        assertThat(flights.find(FLIGHT).orElseThrow().seatsAvailable()).isEqualTo(179);
        assertThat(kept.status()).isEqualTo(ReservationStatus.HELD);
    }

    @Test
    void aSeatHeldOrTakenIsRefusedBeforeAnythingIsStoredAndTheOthersNeverCollide() {
        Reservation first = hold(2, "7A", "7B");
        outcomes.confirm(first, null);
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
        outcomes.confirm(paid, null);
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
        assertThat(announced).filteredOn(a -> a.startsWith("cancelled")).hasSize(3);
    }

    /** The flight replica, one row per flight. */
    static final class Flights implements FlightRepository {
        private final Map<Long, Flight> rows = new HashMap<>();

        @Override
        public Optional<Flight> find(long scheduleId) {
            return Optional.ofNullable(rows.get(scheduleId));
        }

        @Override
        public Optional<Flight> findForUpdate(long scheduleId) {
            return find(scheduleId);
        }

        @Override
        public void addIfAbsent(Flight flight) {
            rows.putIfAbsent(flight.scheduleId(), flight);
        }
    }

    /** Reservations, with ids given as the database gives them. */
    static final class Reservations implements ReservationRepository {
        private final Map<Long, Reservation> rows = new TreeMap<>();

        @Override
        public Reservation add(Reservation reservation) {
            try {
                Field id = Reservation.class.getDeclaredField("id");
                id.setAccessible(true);
                id.set(reservation, (long) rows.size() + 1);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            rows.put(reservation.id(), reservation);
            return reservation;
        }

        List<Reservation> all() {
            return List.copyOf(rows.values());
        }

        @Override
        public Optional<Reservation> find(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Optional<Reservation> findForUpdate(long id) {
            return find(id);
        }

        @Override
        public boolean confirmIfHeld(long id, Instant at) {
            return find(id).map(r -> r.confirm(at)).orElse(false);
        }

        @Override
        public List<Reservation> ofCustomer(String customerId, int offset, int limit) {
            return all();
        }

        @Override
        public long countOfCustomer(String customerId) {
            return rows.size();
        }

        @Override
        public List<Reservation> activeOnFlightForUpdate(long scheduleId) {
            return rows.values().stream().filter(r -> r.scheduleId() == scheduleId && r.isActive()).toList();
        }

        @Override
        public List<Long> heldExpiredAt(Instant now, int limit) {
            return rows.values().stream().filter(r -> r.holdExpiredAt(now)).map(Reservation::id).limit(limit).toList();
        }
    }

    /** FLIGHT_SEAT: a row per flight and seat, its primary key refusing a seat held twice; the state is the booking's status. */
    static final class Seats implements SeatInventory {
        private final Map<String, Long> rows = new HashMap<>();
        private final Reservations reservations;

        Seats(Reservations reservations) {
            this.reservations = reservations;
        }

        @Override
        public Set<Seat> occupied(long scheduleId) {
            return rows.keySet().stream().filter(key -> key.startsWith(scheduleId + "/")).map(key -> Seat.parse(key.substring(key.indexOf('/') + 1)))
                    .collect(Collectors.toSet());
        }

        @Override
        public Map<Seat, SeatState> states(long scheduleId) {
            return occupied(scheduleId).stream().collect(Collectors.toMap(seat -> seat,
                    seat -> SeatState.of(reservations.find(rows.get(scheduleId + "/" + seat)).orElseThrow().status())));
        }

        @Override
        public void hold(Reservation reservation) {
            for (Seat seat : reservation.seats()) {
                if (rows.putIfAbsent(reservation.scheduleId() + "/" + seat, reservation.id()) != null) {
                    throw new IllegalStateException("duplicate key PK_FLIGHT_SEAT: " + seat);
                }
            }
        }

        @Override
        public void free(Reservation reservation) {
            reservation.seats().forEach(seat -> rows.remove(reservation.scheduleId() + "/" + seat, reservation.id()));
        }

        @Override
        public void freeAll(long scheduleId) {
            rows.keySet().removeIf(key -> key.startsWith(scheduleId + "/"));
        }
    }
}
