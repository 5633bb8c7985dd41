package com.msaair.payment.domain;

/**
 * What a card processor answered to a charge: approved (with its reference for a later refund) or
 * declined (with its reason, e.g. {@code insufficient_funds}). A processor that cannot answer throws
 * {@link ProcessorUnavailableException} instead: that is no answer, and the charge may be tried again.
 */
public sealed interface ChargeOutcome {

    record Approved(String reference) implements ChargeOutcome {}

    record Declined(String reason) implements ChargeOutcome {
        /** The processor does not know the payment method at all: the request was wrong, not the card. */
        public static final String UNKNOWN_PAYMENT_METHOD = "unknown_payment_method";

        public boolean unknownMethod() {
            return UNKNOWN_PAYMENT_METHOD.equals(reason);
        }
    }
}
