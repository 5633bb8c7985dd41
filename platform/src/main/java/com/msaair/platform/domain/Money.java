package com.msaair.platform.domain;

import java.util.regex.Pattern;

/**
 * An amount of money as the services keep it (reservation prices bookings in it, payment charges and
 * refunds it): a whole number of the currency's minor units (won for
 * KRW, cents for USD) and an ISO-4217 code. A flight's fare per seat is one; a booking's price, the
 * fare times its passengers, is another. Never a floating-point number.
 */
public record Money(long amount, String currency) {

    public static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    public Money {
        if (amount < 0) {
            throw new IllegalArgumentException("an amount of money is not negative: " + amount);
        }
        if (currency == null || !CURRENCY_CODE.matcher(currency).matches()) {
            throw new IllegalArgumentException("not an ISO-4217 currency code: " + currency);
        }
    }

    /** This amount {@code percent} per cent, rounded down to a whole minor unit (a refund by a fare rule). */
    public Money percent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a percentage of an amount is between 0 and 100: " + percent);
        }
        return new Money(Math.multiplyExact(amount, percent) / 100, currency);
    }

    /** This amount {@code times} times, or an ArithmeticException rather than an overflowed price. */
    public Money times(int times) {
        return new Money(Math.multiplyExact(amount, times), currency);
    }
}
