package com.msaair.platform.rest;

import com.msaair.platform.json.FieldError;
import java.util.ArrayList;
import java.util.List;

/** Reads query and path parameters from text, so a malformed one is a 400 that names it. */
public final class RequestParams {

    private RequestParams() {}

    /** A required positive id, e.g. {@code ?customerId=7}. */
    public static long requiredId(String name, String value) {
        List<FieldError> errors = new ArrayList<>();
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(name, "is required");
        }
        long id = longParam(name, value, 0, 1, Long.MAX_VALUE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return id;
    }

    static int intParam(String name, String value, int fallback, int min, int max, List<FieldError> errors) {
        return (int) longParam(name, value, fallback, min, max, errors);
    }

    static long longParam(String name, String value, long fallback, long min, long max, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, max == Long.MAX_VALUE
                ? "must be a whole number of at least " + min
                : "must be a whole number between " + min + " and " + max));
        return fallback;
    }
}
