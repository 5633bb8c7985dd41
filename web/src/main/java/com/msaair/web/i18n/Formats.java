package com.msaair.web.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Money, numbers and times as a page shows them in its language. Money arrives as the services keep
 * it — whole minor units of an ISO-4217 currency — and is shown in major units ({@code 12550 USD} is
 * $125.50, {@code 125000 KRW} is ₩125,000). Times are UTC, as everywhere in MSA Air, and say so.
 */
public final class Formats {

    private final Locale locale;

    public Formats(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String money(long minorUnits, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minorUnits, digits));
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A date and time in UTC, e.g. "Mar 1, 2027, 9:00 AM UTC" or "2027. 3. 1. 오전 9:00 UTC". */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(ZoneOffset.UTC)
                .format(instant) + " UTC";
    }

    public String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneOffset.UTC).format(instant);
    }

    public String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(ZoneOffset.UTC).format(instant);
    }

    /** For a {@code datetime} attribute: machine-readable. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
