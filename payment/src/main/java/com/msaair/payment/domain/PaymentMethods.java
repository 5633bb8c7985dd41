package com.msaair.payment.domain;

import java.util.regex.Pattern;

/**
 * What a payment method looks like: a card processor's token (pm_card_visa), never a card number. A
 * card number is refused wherever a payment method arrives — a charge's body, a booking's event — and
 * is never stored or logged.
 */
public final class PaymentMethods {

    public static final Pattern FORMAT = Pattern.compile("pm_[a-z0-9_]{1,60}");
    /** What an error says was expected. */
    public static final String EXPECTED = "a payment method token such as pm_card_visa";

    private PaymentMethods() {}
}
