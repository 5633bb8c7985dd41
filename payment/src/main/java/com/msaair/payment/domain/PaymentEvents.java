package com.msaair.payment.domain;

import com.msaair.platform.domain.BookingEvent;
import com.msaair.platform.domain.Money;
import java.time.Instant;

/**
 * What the payment service tells the others, on {@code payment-events} keyed by customer id (like the
 * rest of a customer's events) with the reservation id as correlation id. These records are this
 * service's published contract.
 */
public final class PaymentEvents {

    public static final String TOPIC = "payment-events";
    public static final String PAYMENT_CAPTURED = "PaymentCaptured";
    public static final String PAYMENT_DECLINED = "PaymentDeclined";
    public static final String PAYMENT_REFUNDED = "PaymentRefunded";

    private PaymentEvents() {}

    /** A payment event: on {@code payment-events}, keyed by its customer, in its booking's flow. */
    public sealed interface Event extends BookingEvent permits PaymentCaptured, PaymentDeclined, PaymentRefunded {

        @Override
        default String topic() {
            return TOPIC;
        }
    }

    public record PaymentCaptured(long paymentId, long reservationId, String customerId, Money amount, Instant capturedAt) implements Event {

        public static PaymentCaptured of(Payment p, Instant at) {
            return new PaymentCaptured(p.id(), p.reservationId(), p.customerId(), p.capturedAmount(), at);
        }
    }

    /** {@code reason} is the processor's, e.g. {@code card_declined}, {@code insufficient_funds}. */
    public record PaymentDeclined(long paymentId, long reservationId, String customerId, Money amount, String reason, Instant declinedAt) implements Event {

        public static PaymentDeclined of(Payment p, Instant at) {
            return new PaymentDeclined(p.id(), p.reservationId(), p.customerId(), p.amount(), p.declineReason(), at);
        }
    }

    public record PaymentRefunded(long paymentId, long reservationId, String customerId, Money amount, Instant refundedAt) implements Event {

        public static PaymentRefunded of(Payment p, LedgerEntry refund) {
            return new PaymentRefunded(p.id(), p.reservationId(), p.customerId(), refund.amount(), refund.recordedAt());
        }
    }
}
