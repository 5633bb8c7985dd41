package com.msaair.web.pages;

import java.util.List;

/**
 * The sandbox card processor's test payment methods, the only ones this deployment takes: shown as
 * test cards, each saying what it does. A real processor's tokenised card would take their place.
 */
public final class PaymentMethods {

    public static final List<String> TEST_CARDS = List.of("pm_card_visa", "pm_card_declined", "pm_card_insufficient_funds", "pm_card_slow");

    private PaymentMethods() {}

    public static boolean offered(String method) {
        return method != null && TEST_CARDS.contains(method);
    }
}
