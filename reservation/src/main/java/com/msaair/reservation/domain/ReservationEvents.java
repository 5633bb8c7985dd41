package com.msaair.reservation.domain;

import com.msaair.platform.domain.BookingEvent;
import com.msaair.platform.domain.Money;
import java.time.Instant;
import java.util.List;

/**
 * What the reservation service tells the others, on {@code reservation-events} keyed by customer id
 * (a customer's events stay in order). These records are this service's published contract.
 */
public final class ReservationEvents {

    public static final String TOPIC = "reservation-events";
    public static final String RESERVATION_CREATED = "ReservationCreated";
    public static final String RESERVATION_CANCELLED = "ReservationCancelled";
    public static final String RESERVATION_HELD = "ReservationHeld";
    public static final String RESERVATION_RELEASED = "ReservationReleased";

    private ReservationEvents() {}

    /** A reservation event: on {@code reservation-events}, keyed by its customer, in its booking's flow. */
    public sealed interface Event extends BookingEvent permits ReservationHeld, ReservationReleased, ReservationCreated, ReservationCancelled {

        @Override
        default String topic() {
            return TOPIC;
        }
    }

    /** A booking's seats (12A), in order: what it holds, or what it held once it has ended. */
    static List<String> seatsOf(Reservation r) {
        return r.seats().stream().map(Seat::toString).toList();
    }

    /**
     * Seats held, awaiting payment: the payment service opens the booking's payment from it, so the
     * charge goes on in the background whatever becomes of the booking's own call. No charge is made
     * after {@code captureBefore}; the hold runs out at {@code holdExpiresAt}.
     */
    public record ReservationHeld(long reservationId, String customerId, long scheduleId, String flightNumber, Instant departureTime,
            int passengers, List<String> seats, Money price, String paymentMethod, Instant holdExpiresAt, Instant captureBefore,
            String status) implements Event {

        public static ReservationHeld of(Reservation r, Instant captureBefore) {
            return new ReservationHeld(r.id(), r.customerId(), r.scheduleId(), r.flightNumber(), r.departureTime(), r.passengers(),
                    seatsOf(r), r.price(), r.paymentMethod(), r.holdExpiresAt(), captureBefore, r.status().name());
        }
    }

    /** A held booking ended unpaid: {@code status} PAYMENT_FAILED (reason: the processor's) or EXPIRED (reason hold_expired). */
    public record ReservationReleased(long reservationId, String customerId, long scheduleId, String flightNumber, int passengers,
            List<String> seats, Money price, String reason, Instant releasedAt, String status) implements Event {

        public static ReservationReleased of(Reservation r) {
            return new ReservationReleased(r.id(), r.customerId(), r.scheduleId(), r.flightNumber(), r.passengers(), seatsOf(r), r.price(),
                    r.releaseReason(), r.releasedAt(), r.status().name());
        }
    }

    /** The booking is paid and confirmed (published on confirmation: "once paid, a reservation is created"). */
    public record ReservationCreated(long reservationId, String customerId, long scheduleId, String flightNumber,
            Instant departureTime, int passengers, List<String> seats, int miles, Money price, boolean customerVerified, String status)
            implements Event {

        public static ReservationCreated of(Reservation r) {
            return new ReservationCreated(r.id(), r.customerId(), r.scheduleId(), r.flightNumber(), r.departureTime(),
                    r.passengers(), seatsOf(r), r.miles(), r.price(), r.customerVerified(), r.status().name());
        }
    }

    /**
     * {@code miles} are the miles the booking accrued (if it was confirmed), which the cancellation
     * takes back; {@code refund} what the fare rule gives back of the price (at most what was captured).
     */
    public record ReservationCancelled(long reservationId, String customerId, long scheduleId, String flightNumber,
            int passengers, List<String> seats, int miles, Money price, Money refund, String reason, Instant cancelledAt, String status)
            implements Event {

        public static ReservationCancelled of(Reservation r) {
            return new ReservationCancelled(r.id(), r.customerId(), r.scheduleId(), r.flightNumber(), r.passengers(), seatsOf(r),
                    r.miles(), r.price(), r.refund(), r.cancellationReason().name(), r.cancelledAt(), r.status().name());
        }
    }
}
