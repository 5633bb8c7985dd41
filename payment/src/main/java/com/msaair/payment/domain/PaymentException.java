package com.msaair.payment.domain;

import com.msaair.platform.domain.DomainException;

/** The payment rules' refusals, each with the answer a client gets. */
public final class PaymentException extends DomainException {

    private PaymentException(Kind kind, String code, String field, String message) {
        super(kind, code, field, message);
    }

    public static PaymentException notFound(long id) {
        return new PaymentException(Kind.NOT_FOUND, "payment-not-found", null, "Payment " + id + " does not exist");
    }

    /** The processor's reason is the message of the field error, so a caller can pass it on. */
    public static PaymentException declined(String reason) {
        return new PaymentException(Kind.PAYMENT_REQUIRED, "payment-declined", "paymentMethod", reason);
    }

    public static PaymentException unknownPaymentMethod(String method) {
        return new PaymentException(Kind.UNPROCESSABLE, "unknown-payment-method", "paymentMethod",
                "The card processor does not know payment method " + method);
    }

    public static PaymentException processorUnavailable() {
        return new PaymentException(Kind.UNAVAILABLE, "processor-unavailable", null,
                "The card processor did not answer; the charge will be tried again");
    }

    /** The reservation's payment exists with other terms (another amount, method or customer). */
    public static PaymentException mismatch(long reservationId) {
        return new PaymentException(Kind.CONFLICT, "payment-mismatch", "reservationId",
                "Reservation " + reservationId + " already has a payment with other terms");
    }

    /** The payment was voided (its booking ended) before it was charged. */
    public static PaymentException voided(long reservationId) {
        return new PaymentException(Kind.CONFLICT, "payment-voided", "reservationId",
                "The booking of reservation " + reservationId + " has ended; it is not charged");
    }
}
