package com.msaair.schedule.domain;

import java.util.regex.Pattern;

/** An airport by its IATA code, e.g. ICN or GMP. */
public record Airport(String code) {

    public static final Pattern IATA_CODE = Pattern.compile("[A-Z]{3}");

    public Airport {
        if (code == null || !IATA_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not an IATA airport code: " + code);
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
