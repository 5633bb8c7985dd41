package com.msaair.schedule.domain;

import java.util.regex.Pattern;

/** An IATA flight number: the airline's two-character designator, 1-4 digits, an optional suffix (KE1234, 7C101A). */
public record FlightNumber(String value) {

    public static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{2}[0-9]{1,4}[A-Z]?");

    public FlightNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a flight number: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
