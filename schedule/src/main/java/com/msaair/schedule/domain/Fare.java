package com.msaair.schedule.domain;

import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one seat on a flight costs: a whole number of the currency's minor units (won for KRW, cents
 * for USD; never a floating-point amount) in an ISO-4217 currency. Bookings multiply it by their
 * passengers; the money itself is the payment service's.
 */
public record Fare(long amount, String currency) {

    /** Far above any seat's price in any currency, and small enough that fare × passengers never overflows. */
    public static final long MAX_AMOUNT = 10_000_000_000L;
    public static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    public Fare {
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("a fare must be between 1 and " + MAX_AMOUNT + " minor units: " + amount);
        }
        if (knownCurrency(currency).isEmpty()) {
            throw new IllegalArgumentException("not an ISO-4217 currency with minor units: " + currency);
        }
    }

    /**
     * The ISO-4217 currency of {@code code}, if it is one money is paid in: codes like XAU (gold) or
     * XXX (no currency) have no minor units and are no currency for a fare.
     */
    public static Optional<Currency> knownCurrency(String code) {
        if (code == null || !CURRENCY_CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
