package com.msaair.reservation.domain;

import com.msaair.platform.domain.Money;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A customer's booking of seats on a flight. It is HELD when made — its seats taken, its price fixed —
 * and CONFIRMED once paid, or released (PAYMENT_FAILED, EXPIRED) with its seats given back; a held or
 * confirmed booking may be CANCELLED, with a refund by the fare rule. It is never deleted. While it is
 * HELD its seats show HELD on the flight, once CONFIRMED TAKEN, and FREE the moment it ends.
 */
public class Reservation {

    public static final int MAX_PASSENGERS = 9;

    private Long id;
    private String customerId;
    private long scheduleId;
    private String flightNumber;
    private Instant departureTime;
    private int passengers;
    /**
     * Its seats, one per passenger, in order, written 12A and separated by spaces. Kept when the booking
     * ends (what it had), while the flight's {@link SeatInventory} frees them.
     */
    private String seats;
    private int miles;
    /** The price, fixed when booking (the fare times the passengers), as its two columns. */
    private long priceAmount;
    private String priceCurrency;
    private boolean customerVerified;
    /** The card processor's token for this booking's charge (pm_card_visa), never a card number. */
    private String paymentMethod;
    private ReservationStatus status;
    private Instant holdExpiresAt;
    /** Why the payment failed (the processor's reason) or that the hold expired. */
    private String releaseReason;
    private CancellationReason cancellationReason;
    /** What the cancellation gives back, by the fare rule; in the price's currency. */
    private Long refundAmount;
    private Instant createdAt;
    private Instant confirmedAt;
    private Instant releasedAt;
    private Instant cancelledAt;
    private long version;

    protected Reservation() {
        // for the persistence adapter
    }

    private Reservation(String customerId, Flight flight, int passengers, List<Seat> seats, boolean customerVerified, String paymentMethod,
            Instant holdExpiresAt, Instant now) {
        this.customerId = customerId;
        this.scheduleId = flight.scheduleId();
        this.flightNumber = flight.flightNumber();
        this.departureTime = flight.departureTime();
        this.passengers = passengers;
        this.seats = String.join(" ", seats.stream().map(Seat::toString).toList());
        this.miles = flight.milesFor(passengers);
        Money price = flight.priceFor(passengers);
        this.priceAmount = price.amount();
        this.priceCurrency = price.currency();
        this.customerVerified = customerVerified;
        this.paymentMethod = paymentMethod;
        this.status = ReservationStatus.HELD;
        this.holdExpiresAt = holdExpiresAt;
        this.createdAt = now;
    }

    /**
     * Holds {@code passengers} seats on {@code flight} until {@code holdExpiresAt}, awaiting payment:
     * the seats named ({@code requested}, one per passenger) or, when none are, seats next to each other
     * where possible are taken from the flight's inventory, and the price and the miles to accrue are
     * fixed now, from the flight's fare and miles.
     *
     * @param occupied the flight's seats that other bookings hold or have taken, read with the flight locked
     * @param customerVerified false when the customer could not be checked (mileage unavailable)
     */
    public static Reservation hold(String customerId, Flight flight, int passengers, List<Seat> requested, Set<Seat> occupied,
            boolean customerVerified, String paymentMethod, Instant holdExpiresAt, Instant now) {
        if (passengers < 1 || passengers > MAX_PASSENGERS) {
            throw new IllegalArgumentException("passengers must be between 1 and " + MAX_PASSENGERS);
        }
        if (!holdExpiresAt.isAfter(now)) {
            throw new IllegalArgumentException("a hold expires after it is made");
        }
        List<Seat> seats = flight.takeSeats(passengers, requested, occupied, now);
        return new Reservation(customerId, flight, passengers, seats, customerVerified, paymentMethod, holdExpiresAt, now);
    }

    /** What a capture the payment service reported did to this booking. */
    public enum CaptureEffect {
        /** It paid the held booking, which is confirmed now. */
        CONFIRMED,
        /** It paid the booking, which was no longer held (confirmed already, or released: payment refunds a released one). */
        NOT_HELD,
        /** It is not this booking's payment (another amount, currency or customer): it changes nothing. */
        MISMATCH
    }

    /**
     * The payment service reports {@code amount} captured from customer {@code payer} for this booking.
     * Only the booking's price, in its currency, from its own customer pays it: anything else changes
     * nothing, whatever state the booking is in — a capture is money moved for a booking, never a
     * signal that confirms whichever booking its reservation id names.
     */
    public CaptureEffect paidBy(Money amount, String payer, Instant now) {
        if (!price().equals(amount) || !customerId.equals(payer)) {
            return CaptureEffect.MISMATCH;
        }
        return confirm(now) ? CaptureEffect.CONFIRMED : CaptureEffect.NOT_HELD;
    }

    /** The payment was taken: a held booking is confirmed. False when it is not held (confirmed already, or released). */
    public boolean confirm(Instant now) {
        if (status != ReservationStatus.HELD) {
            return false;
        }
        status = ReservationStatus.CONFIRMED;
        confirmedAt = now;
        return true;
    }

    /**
     * Ends a held booking unpaid — its payment failed ({@code PAYMENT_FAILED}) or its hold ran out
     * ({@code EXPIRED}) — and gives its seats back to {@code flight} at once. False when it is not held.
     */
    public boolean release(ReservationStatus outcome, String reason, Flight flight, Instant now) {
        if (outcome != ReservationStatus.PAYMENT_FAILED && outcome != ReservationStatus.EXPIRED) {
            throw new IllegalArgumentException("a hold is released as PAYMENT_FAILED or EXPIRED, not " + outcome);
        }
        if (status != ReservationStatus.HELD) {
            return false;
        }
        requireOn(flight);
        status = outcome;
        releaseReason = reason;
        releasedAt = now;
        flight.releaseSeats(passengers);
        return true;
    }

    /**
     * Cancels a held or confirmed booking, gives its seats back to {@code flight} and fixes what is
     * refunded by {@code rule}.
     */
    public void cancel(CancellationReason reason, Flight flight, RefundRule rule, Instant now) {
        if (status == ReservationStatus.CANCELLED) {
            throw ReservationException.alreadyCancelled(id);
        }
        if (!status.holdsSeats()) {
            throw ReservationException.released(id, status);
        }
        requireOn(flight);
        refundAmount = rule.refundFor(price(), status, reason, departureTime, now).amount();
        status = ReservationStatus.CANCELLED;
        cancellationReason = reason;
        cancelledAt = now;
        flight.releaseSeats(passengers);
    }

    /** Whether the booking holds seats (HELD or CONFIRMED). */
    public boolean isActive() {
        return status.holdsSeats();
    }

    /** Whether the booking is held and its hold has run out at {@code now}. */
    public boolean holdExpiredAt(Instant now) {
        return status == ReservationStatus.HELD && !now.isBefore(holdExpiresAt);
    }

    private void requireOn(Flight flight) {
        if (flight.scheduleId() != scheduleId) {
            throw new IllegalArgumentException("reservation " + id + " is not on flight " + flight.scheduleId());
        }
    }

    /** What the cancellation refunds; nothing unless cancelled. */
    public Money refund() {
        return new Money(refundAmount == null ? 0 : refundAmount, priceCurrency);
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public Instant holdExpiresAt() {
        return holdExpiresAt;
    }

    public String releaseReason() {
        return releaseReason;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public Instant releasedAt() {
        return releasedAt;
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

    /** Its seats in order; none for a booking of the previous release that had ended before seats were given. */
    public List<Seat> seats() {
        return seats == null || seats.isEmpty() ? List.of() : Arrays.stream(seats.split(" ")).map(Seat::parse).toList();
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
