package com.msaair.platform.security;

import com.msaair.platform.json.JsonFields;
import com.msaair.platform.rest.InvalidRequestException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a customer id looks like. A customer id is the subject ({@code sub}) the identity provider
 * gives the customer: Keycloak's are UUIDs, other providers' are opaque ASCII strings (OIDC Core
 * allows up to 255 characters; MSA Air takes 128, enough for every provider we know of).
 */
public final class CustomerIds {

    public static final int MAX_LENGTH = 128;
    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@|+-]{0,127}");
    public static final String EXPECTED = "a customer id (the identity provider's subject, e.g. 3d500791-c63a-4078-a0cb-b9fee0ca9092)";

    private CustomerIds() {}

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }

    /** An optional query parameter naming a customer: absent, or a valid id (else a 400 naming it). */
    public static Optional<String> param(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (!isValid(value)) {
            throw new InvalidRequestException(name, "must be " + EXPECTED);
        }
        return Optional.of(value);
    }

    /** A required path parameter naming a customer. */
    public static String requiredParam(String name, String value) {
        return param(name, value).orElseThrow(() -> new InvalidRequestException(name, "is required"));
    }

    /** An optional JSON field naming a customer; an invalid one is recorded on {@code fields}. */
    public static Optional<String> field(JsonFields fields, String name) {
        return fields.optionalString(name, MAX_LENGTH).filter(id -> {
            if (!isValid(id)) {
                fields.reject(name, "must be " + EXPECTED);
                return false;
            }
            return true;
        });
    }
}
