package com.msaair.platform.json;

import com.msaair.platform.domain.Money;
import com.msaair.platform.time.SupportedTime;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads typed fields out of a JSON object and collects every problem instead of stopping at the
 * first, so one answer names every field a client got wrong.
 *
 * <p>A JSON binding would turn {@code "passengers": "two"} into a generic parse failure and silently
 * ignore unknown fields; reading fields one by one lets each error name its field, and a strict
 * reader rejects fields the API does not know (a misspelt optional field would otherwise be dropped
 * without a word). Getters return a neutral value when the field is invalid; call
 * {@link #validOrThrow} before using any of them.
 */
public final class JsonFields {

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final JsonObject object;
    private final List<FieldError> errors;
    /** Before every field this reader names: {@code "fare."} for the members of a nested {@code fare}. */
    private final String prefix;
    /** Whether members nobody asked for are errors (a request) or ignored (an event). */
    private final boolean strict;

    private JsonFields(JsonObject object, boolean strict) {
        this(object, new ArrayList<>(), "", strict);
    }

    private JsonFields(JsonObject object, List<FieldError> errors, String prefix, boolean strict) {
        this.object = object;
        this.errors = errors;
        this.prefix = prefix;
        this.strict = strict;
    }

    /** A reader that also reports every field not in {@code known}. */
    public static JsonFields strict(JsonObject object, Set<String> known) {
        return new JsonFields(object, true).rejectUnknown(known);
    }

    /** A reader that ignores fields it is not asked for (a tolerant reader, for events). */
    public static JsonFields tolerant(JsonObject object) {
        return new JsonFields(object, false);
    }

    public String requiredString(String name, int maxLength) {
        return string(name, maxLength, true).orElse(null);
    }

    public Optional<String> optionalString(String name, int maxLength) {
        return string(name, maxLength, false);
    }

    /** A required string that must match {@code pattern}; {@code expected} says what it should look like. */
    public String requiredString(String name, Pattern pattern, String expected) {
        String value = requiredString(name, 200);
        if (value != null && !pattern.matcher(value).matches()) {
            reject(name, "must be " + expected);
            return null;
        }
        return value;
    }

    public long requiredLong(String name, long min, long max) {
        JsonValue value = present(name);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof JsonNumber number)) {
            reject(name, "must be a whole number");
            return 0;
        }
        BigDecimal decimal = number.bigDecimalValue();
        if (decimal.stripTrailingZeros().scale() > 0) {
            reject(name, "must be a whole number");
            return 0;
        }
        if (decimal.compareTo(LONG_MIN) < 0 || decimal.compareTo(LONG_MAX) > 0
                || decimal.longValue() < min || decimal.longValue() > max) {
            reject(name, max == Long.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max);
            return 0;
        }
        return decimal.longValue();
    }

    public int requiredInt(String name, int min, int max) {
        return (int) requiredLong(name, min, max);
    }

    /** An ISO-8601 date-time with an offset ({@code 2026-12-01T09:00:00Z}, {@code ...+09:00}), within {@link SupportedTime}. */
    public Instant requiredInstant(String name) {
        String text = requiredString(name, 64);
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            reject(name, "must be an ISO-8601 date-time with an offset, like 2026-12-01T09:00:00Z");
            return null;
        }
        if (!SupportedTime.contains(instant)) {
            reject(name, "must be " + SupportedTime.RANGE);
            return null;
        }
        return instant;
    }

    /**
     * An optional array of at most {@code maxItems} strings, each matching {@code item} as it stands
     * ({@code expected} says what one looks like); empty when the member is absent or null, or when
     * anything about it is wrong (then recorded). An error names the member and the item's position,
     * never its value: that may be anything, of any length.
     */
    public Optional<List<String>> optionalStrings(String name, int maxItems, Pattern item, String expected) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonArray array)) {
            reject(name, "must be an array of strings");
            return Optional.empty();
        }
        if (array.size() > maxItems) {
            reject(name, "must have at most " + maxItems + " items");
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString text && item.matcher(text.getString()).matches()) {
                items.add(text.getString());
            } else {
                reject(name, "item " + (i + 1) + " must be " + expected);
                valid = false;
            }
        }
        return valid ? Optional.of(List.copyOf(items)) : Optional.empty();
    }

    public UUID requiredUuid(String name) {
        String text = requiredString(name, 36);
        return text == null ? null : parseUuid(name, text);
    }

    public Optional<UUID> optionalUuid(String name) {
        return optionalString(name, 36).map(text -> parseUuid(name, text));
    }

    public JsonObject requiredObject(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject nested)) {
            reject(name, "must be an object");
            return null;
        }
        return nested;
    }

    /**
     * A required object member, read like its parent: a strict reader reports the member's own
     * unknown members (those not in {@code known}), a tolerant one ignores them. Every error names
     * the member's path ({@code fare.amount}) in this reader's errors. Empty when the member is
     * missing or no object (that error is recorded already).
     */
    public Optional<JsonFields> requiredMember(String name, Set<String> known) {
        JsonObject nested = requiredObject(name);
        if (nested == null) {
            return Optional.empty();
        }
        JsonFields member = new JsonFields(nested, errors, prefix + name + ".", strict);
        return Optional.of(strict ? member.rejectUnknown(known) : member);
    }

    /**
     * A required amount of money, {@code {"amount": <whole minor units, at least minAmount>,
     * "currency": "<an ISO-4217 code>"}}: null when it is not one (the errors name {@code name.amount}
     * or {@code name.currency}). How every service reads money off a request or an event.
     */
    public Money requiredMoney(String name, long minAmount) {
        return requiredMember(name, Set.of("amount", "currency")).map(money -> {
            long amount = money.requiredLong("amount", minAmount, Long.MAX_VALUE);
            String currency = money.requiredString("currency", Money.CURRENCY_CODE, "an ISO-4217 currency code");
            if (currency != null && !isCurrency(currency)) {
                money.reject("currency", "is not an ISO-4217 currency");
                return null;
            }
            return currency == null || amount < minAmount ? null : new Money(amount, currency);
        }).orElse(null);
    }

    private static boolean isCurrency(String code) {
        try {
            java.util.Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private JsonFields rejectUnknown(Set<String> known) {
        object.keySet().stream().filter(name -> !known.contains(name)).sorted().forEach(name -> reject(name, "is not a known field"));
        return this;
    }

    /** Records a problem with a field found by the caller (a rule that spans fields, say). */
    public void reject(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public <X extends RuntimeException> void validOrThrow(Function<List<FieldError>, X> failure) {
        if (!errors.isEmpty()) {
            throw failure.apply(errors());
        }
    }

    private Optional<String> string(String name, int maxLength, boolean required) {
        JsonValue value = required ? present(name) : object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString json)) {
            reject(name, "must be a string");
            return Optional.empty();
        }
        String text = json.getString().strip();
        if (text.isEmpty()) {
            reject(name, "must not be blank");
            return Optional.empty();
        }
        if (text.length() > maxLength) {
            reject(name, "must be at most " + maxLength + " characters");
            return Optional.empty();
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            reject(name, "must not contain control characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private JsonValue present(String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            reject(name, "is required");
            return null;
        }
        return value;
    }

    private UUID parseUuid(String name, String text) {
        try {
            UUID uuid = UUID.fromString(text);
            if (uuid.toString().equalsIgnoreCase(text)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // fall through: reported below
        }
        reject(name, "must be a UUID");
        return null;
    }
}
