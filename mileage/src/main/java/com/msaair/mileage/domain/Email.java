package com.msaair.mileage.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** A customer's e-mail address, kept in lower case so one address is one customer. */
public record Email(String value) {

    public static final Pattern FORMAT = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    public static final int MAX_LENGTH = 254;

    public Email {
        if (value == null || value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an e-mail address: " + value);
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
