package com.msaair.reservation.domain;

import com.msaair.platform.domain.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * This service's own copy of a flight schedule, kept current from schedule events, together with
 * the flight's seat inventory: its seat layout, fixed when the flight was registered, and how many of
 * its seats are free (which seats are held or taken is the {@link SeatInventory}'s, changed with this
 * row locked). Booking checks and seat counting happen here, in this service's database, so a booking
 * never depends on another service being up to stay consistent.
 */
public class Flight {

    private long scheduleId;
    private String flightNumber;
    private String origin;
    private String destination;
    private Instant departureTime;
    private Instant arrivalTime;
    private int seatCapacity;
    private int seatsAvailable;
    private String aircraftType;
    /** The layout as its two columns: the rows, and the letters with a | for each aisle (see {@link SeatLayout}). */
    private int seatRows;
    private String seatPattern;
    private int miles;
    /** The fare per seat, as its two columns (see orm.xml). */
    private long fareAmount;
    private String fareCurrency;
    private FlightStatus status;
    private long version;

    protected Flight() {
        // for the persistence adapter
    }

    private Flight(FlightFacts facts) {
        this.scheduleId = facts.scheduleId();
        this.seatCapacity = facts.seatCapacity();
        this.seatsAvailable = facts.seatCapacity();
        this.aircraftType = facts.aircraftType();
        this.seatRows = facts.seatLayout().rows();
        this.seatPattern = facts.seatLayout().pattern();
        this.status = FlightStatus.SCHEDULED;
        refresh(facts);
    }

    /** A new replica; every seat is free. */
    public static Flight of(FlightFacts facts) {
        return new Flight(facts);
    }

    /**
     * Takes the latest facts; seats already taken stay taken, and the seat layout stays the one the
     * replica began with (a flight's layout is fixed when it is registered). A cancellation is never undone.
     */
    public void refresh(FlightFacts facts) {
        this.flightNumber = facts.flightNumber();
        this.origin = facts.origin();
        this.destination = facts.destination();
        this.departureTime = facts.departureTime();
        this.arrivalTime = facts.arrivalTime();
        this.miles = facts.miles();
        this.fareAmount = facts.fare().amount();
        this.fareCurrency = facts.fare().currency();
        if (facts.status() == FlightStatus.CANCELLED) {
            this.status = FlightStatus.CANCELLED;
        }
    }

    /** Whether a booking could be made now (without taking seats): not cancelled, not departed. */
    public void checkBookable(Instant now) {
        if (status == FlightStatus.CANCELLED) {
            throw ReservationException.flightCancelled(scheduleId);
        }
        if (!departureTime.isAfter(now)) {
            throw ReservationException.flightDeparted(scheduleId);
        }
    }

    /**
     * Takes seats for a booking of {@code passengers}, or refuses: the seats it names ({@code requested},
     * one per passenger), each of this flight and none of them {@code occupied}; or, when it names none,
     * seats next to each other where possible ({@link SeatLayout#allocate}). Never leaves fewer than zero.
     *
     * @param occupied the seats some booking holds or has taken, read with this flight locked
     * @return the booking's seats, in order
     */
    public List<Seat> takeSeats(int passengers, List<Seat> requested, Set<Seat> occupied, Instant now) {
        checkBookable(now);
        SeatLayout layout = seatLayout();
        List<Seat> seats;
        if (requested.isEmpty()) {
            if (passengers > seatsAvailable) {
                throw ReservationException.soldOut(scheduleId, passengers, seatsAvailable);
            }
            seats = layout.allocate(passengers, occupied).orElseThrow(() -> ReservationException.soldOut(scheduleId, passengers, seatsAvailable));
        } else {
            if (requested.size() != passengers || Set.copyOf(requested).size() != requested.size()) {
                throw ReservationException.seatsPerPassenger(passengers, requested.size());
            }
            List<Seat> unknown = requested.stream().filter(seat -> !layout.contains(seat)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw ReservationException.unknownSeats(scheduleId, unknown, layout);
            }
            List<Seat> taken = requested.stream().filter(occupied::contains).sorted().toList();
            if (!taken.isEmpty()) {
                throw ReservationException.seatsTaken(scheduleId, taken);
            }
            if (passengers > seatsAvailable) {
                throw ReservationException.soldOut(scheduleId, passengers, seatsAvailable);
            }
            seats = new ArrayList<>(requested);
        }
        seatsAvailable -= passengers;
        return seats.stream().sorted().toList();
    }

    /** Gives seats back when a booking ends (their records are freed with it, {@link SeatInventory#free}). */
    public void releaseSeats(int passengers) {
        seatsAvailable = Math.min(seatCapacity, seatsAvailable + passengers);
    }

    public void cancel() {
        status = FlightStatus.CANCELLED;
    }

    /** Miles a booking of {@code passengers} earns: the flight's miles for each passenger. */
    public int milesFor(int passengers) {
        return Math.multiplyExact(miles, passengers);
    }

    /** What {@code passengers} seats cost at the flight's fare. */
    public Money priceFor(int passengers) {
        return fare().times(passengers);
    }

    public Money fare() {
        return new Money(fareAmount, fareCurrency);
    }

    public FlightFacts facts() {
        return new FlightFacts(scheduleId, flightNumber, origin, destination, departureTime, arrivalTime, aircraftType, seatLayout(), miles,
                fare(), status);
    }

    public long scheduleId() {
        return scheduleId;
    }

    public String flightNumber() {
        return flightNumber;
    }

    public Instant departureTime() {
        return departureTime;
    }

    public int seatsAvailable() {
        return seatsAvailable;
    }

    public int seatCapacity() {
        return seatCapacity;
    }

    public String aircraftType() {
        return aircraftType;
    }

    public SeatLayout seatLayout() {
        return new SeatLayout(seatRows, seatPattern, seatCapacity);
    }

    public FlightStatus status() {
        return status;
    }
}
