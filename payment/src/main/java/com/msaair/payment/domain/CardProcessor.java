package com.msaair.payment.domain;

import com.msaair.platform.domain.Money;
import java.util.Optional;

/**
 * The card processor, as payments need it (a port). Every operation carries an idempotency key, as
 * card processors' APIs do: the same key never moves money twice, and asking again answers what was
 * answered before. Payment methods are processor tokens ({@code pm_card_visa}), never card numbers.
 */
public interface CardProcessor {

    /** Charges {@code amount} to {@code paymentMethod}, once per {@code key}; throws {@link ProcessorUnavailableException} when it cannot answer. */
    ChargeOutcome charge(String key, Money amount, String paymentMethod);

    /** What a charge made with {@code key} was answered, if it was made at all (asked before giving up on a payment). */
    Optional<ChargeOutcome> chargeMade(String key);

    /** Gives {@code amount} of charge {@code chargeReference} back, once per {@code key}. */
    void refund(String key, String chargeReference, Money amount);
}
