package com.msaair.reservation.domain;

import java.time.Instant;

/**
 * A customer's booking of seats on a flight. It is confirmed when created (payment is outside this
 * system's scope) and is never deleted: a cancellation keeps it, with its reason.
 */
public class Reservation {

    public static final int MAX_PASSENGERS = 9;

    private Long id;
    private String customerId;
    private long scheduleId;
    private String flightNumber;
    private Instant departureTime;
    private int passengers;
    private int miles;
    /** The price, fixed when booking (the fare times the passengers), as its two columns. */
    private long priceAmount;
    private String priceCurrency;
    private boolean customerVerified;
    private ReservationStatus status;
    private CancellationReason cancellationReason;
    private Instant createdAt;
    private Instant cancelledAt;
    private long version;

    protected Reservation() {
        // for the persistence adapter
    }

    private Reservation(String customerId, Flight flight, int passengers, boolean customerVerified, Instant now) {
        this.customerId = customerId;
        this.scheduleId = flight.scheduleId();
        this.flightNumber = flight.flightNumber();
        this.departureTime = flight.departureTime();
        this.passengers = passengers;
        this.miles = flight.milesFor(passengers);
        Money price = flight.priceFor(passengers);
        this.priceAmount = price.amount();
        this.priceCurrency = price.currency();
        this.customerVerified = customerVerified;
        this.status = ReservationStatus.CONFIRMED;
        this.createdAt = now;
    }

    /**
     * Books {@code passengers} seats on {@code flight}: the seats are taken from the flight's
     * inventory, and the price and the miles to accrue are fixed now, from the flight's fare and miles.
     *
     * @param customerVerified false when the customer could not be checked (mileage unavailable)
     */
    public static Reservation confirm(String customerId, Flight flight, int passengers, boolean customerVerified, Instant now) {
        if (passengers < 1 || passengers > MAX_PASSENGERS) {
            throw new IllegalArgumentException("passengers must be between 1 and " + MAX_PASSENGERS);
        }
        flight.takeSeats(passengers, now);
        return new Reservation(customerId, flight, passengers, customerVerified, now);
    }

    /** Cancels the booking and gives its seats back to {@code flight}. */
    public void cancel(CancellationReason reason, Flight flight, Instant now) {
        if (status == ReservationStatus.CANCELLED) {
            throw ReservationException.alreadyCancelled(id);
        }
        if (flight.scheduleId() != scheduleId) {
            throw new IllegalArgumentException("reservation " + id + " is not on flight " + flight.scheduleId());
        }
        status = ReservationStatus.CANCELLED;
        cancellationReason = reason;
        cancelledAt = now;
        flight.releaseSeats(passengers);
    }

    public boolean isActive() {
        return status == ReservationStatus.CONFIRMED;
    }

    public Money price() {
        return new Money(priceAmount, priceCurrency);
    }

    public Long id() {
        return id;
    }

    public String customerId() {
        return customerId;
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

    public int passengers() {
        return passengers;
    }

    public int miles() {
        return miles;
    }

    public boolean customerVerified() {
        return customerVerified;
    }

    public ReservationStatus status() {
        return status;
    }

    public CancellationReason cancellationReason() {
        return cancellationReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }
}
