package com.msaair.reservation.domain;

import com.msaair.platform.domain.Money;

import java.time.Instant;

/**
 * This service's own copy of a flight schedule, kept current from schedule events, together with
 * the flight's seat inventory. Booking checks and seat counting happen here, in this service's
 * database, so a booking never depends on another service being up to stay consistent.
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
        this.status = FlightStatus.SCHEDULED;
        refresh(facts);
    }

    /** A new replica; every seat is free. */
    public static Flight of(FlightFacts facts) {
        return new Flight(facts);
    }

    /** Takes the latest facts; seats already taken stay taken. A cancellation is never undone. */
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

    /** Takes seats for a booking, or refuses; never leaves fewer than zero. */
    public void takeSeats(int passengers, Instant now) {
        checkBookable(now);
        if (passengers > seatsAvailable) {
            throw ReservationException.soldOut(scheduleId, passengers, seatsAvailable);
        }
        seatsAvailable -= passengers;
    }

    /** Gives seats back when a booking is cancelled. */
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
        return new FlightFacts(scheduleId, flightNumber, origin, destination, departureTime, arrivalTime, seatCapacity, miles, fare(),
                status);
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

    public FlightStatus status() {
        return status;
    }
}
