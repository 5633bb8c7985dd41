package com.msaair.reservation.domain;

import java.time.Instant;

/**
 * The payment of a held booking, as booking needs it (a port): charge the reservation's price to its
 * payment method, once per reservation, and say how it went. It never fails: when the payment
 * service cannot answer in time, the answer is PENDING, and the charge goes on in the background
 * (the payment service opens it from the booking's ReservationHeld event).
 */
public interface Payments {

    /** @param captureBefore no charge is made after this instant (the hold runs out soon after it) */
    PaymentOutcome charge(Reservation reservation, Instant captureBefore);

    /** How a charge went; {@code reason} is the processor's for a decline. */
    record PaymentOutcome(Result result, String reason) {

        public enum Result {
            PAID,
            DECLINED,
            /** The processor does not know the payment method: the request was wrong, not the card. */
            UNKNOWN_METHOD,
            /** No answer in time; it is settled in the background. */
            PENDING
        }

        public static final PaymentOutcome PAID = new PaymentOutcome(Result.PAID, null);
        public static final PaymentOutcome PENDING = new PaymentOutcome(Result.PENDING, null);

        public static PaymentOutcome declined(String reason) {
            return new PaymentOutcome(Result.DECLINED, reason);
        }

        public static PaymentOutcome unknownMethod() {
            return new PaymentOutcome(Result.UNKNOWN_METHOD, "unknown_payment_method");
        }
    }
}
