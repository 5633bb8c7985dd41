package com.msaair.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void readsWellFormedFields() {
        JsonFields fields = JsonFields.strict(json("{\"n\":7,\"s\":\" ICN \",\"t\":\"2027-01-01T09:00:00+09:00\"}"), Set.of("n", "s", "t"));
        assertThat(fields.requiredLong("n", 1, 10)).isEqualTo(7);
        assertThat(fields.requiredString("s", 3)).as("stripped").isEqualTo("ICN");
        assertThat(fields.requiredInstant("t")).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(fields.isValid()).isTrue();
    }

    @Test
    void namesEveryWrongFieldAtOnce() {
        JsonFields fields = JsonFields.strict(json("{\"n\":\"7\",\"x\":1,\"y\":2,\"big\":1e30,\"half\":1.5,\"blank\":\"  \"}"),
                Set.of("n", "big", "half", "blank", "missing"));
        fields.requiredLong("n", 1, 10);
        fields.requiredLong("big", 1, Long.MAX_VALUE);
        fields.requiredLong("half", 1, 10);
        fields.requiredString("blank", 10);
        fields.requiredString("missing", 10);
        assertThat(fields.errors()).extracting(FieldError::field).containsExactly("x", "y", "n", "big", "half", "blank", "missing");
        assertThat(fields.errors()).extracting(FieldError::message).containsExactly("is not a known field", "is not a known field",
                "must be a whole number", "must be at least 1", "must be a whole number", "must not be blank", "is required");
    }

    @Test
    void aNestedMemberIsReadStrictlyAndItsErrorsNameItsPath() {
        JsonFields fields = JsonFields.strict(json("{\"fare\":{\"amount\":1250.5,\"currency\":\"KRW\",\"tax\":1},\"other\":{}}"),
                Set.of("fare", "other", "none"));
        JsonFields fare = fields.requiredMember("fare", Set.of("amount", "currency")).orElseThrow();
        fare.requiredLong("amount", 1, 100);
        assertThat(fare.requiredString("currency", 3)).isEqualTo("KRW");
        assertThat(fields.requiredMember("none", Set.of())).isEmpty();
        fields.requiredMember("other", Set.of("amount")).orElseThrow().requiredLong("amount", 1, 2);
        assertThat(fields.errors()).extracting(FieldError::field).containsExactly("fare.tax", "fare.amount", "none", "other.amount");
        assertThat(fields.errors()).extracting(FieldError::message)
                .containsExactly("is not a known field", "must be a whole number", "is required", "is required");

        JsonFields tolerant = JsonFields.tolerant(json("{\"fare\":{\"amount\":100,\"addedLater\":1}}"));
        assertThat(tolerant.requiredMember("fare", Set.of("amount")).orElseThrow().requiredLong("amount", 1, 100)).isEqualTo(100);
        assertThat(tolerant.errors()).as("a tolerant reader's member is tolerant too").isEmpty();
    }

    @Test
    void aWholeNumberWrittenWithAnExponentOrTrailingZerosIsAccepted() {
        JsonFields fields = JsonFields.tolerant(json("{\"a\":1e3,\"b\":2.0}"));
        assertThat(fields.requiredLong("a", 0, 5000)).isEqualTo(1000);
        assertThat(fields.requiredLong("b", 0, 5000)).isEqualTo(2);
        assertThat(fields.isValid()).isTrue();
    }

    @Test
    void rejectsOverlongStringsControlCharactersAndNonMatchingPatterns() {
        JsonFields fields = JsonFields.tolerant(json("{\"long\":\"abcdef\",\"ctl\":\"a\\u0007b\",\"code\":\"icn\",\"null\":null}"));
        fields.requiredString("long", 5);
        fields.requiredString("ctl", 5);
        fields.requiredString("code", Pattern.compile("[A-Z]{3}"), "an airport code");
        fields.requiredString("null", 5);
        assertThat(fields.errors()).extracting(FieldError::message).containsExactly("must be at most 5 characters",
                "must not contain control characters", "must be an airport code", "is required");
    }

    @Test
    void datesNeedAnOffsetAndUuidsTheirCanonicalForm() {
        JsonFields fields = JsonFields.tolerant(json("{\"t\":\"2027-01-01T09:00:00\",\"u\":\"1-1-1-1-1\"}"));
        assertThat(fields.requiredInstant("t")).isNull();
        assertThat(fields.requiredUuid("u")).isNull();
        assertThat(fields.errors()).extracting(FieldError::field).containsExactly("t", "u");
    }

    @Test
    void validOrThrowBuildsTheCallersException() {
        JsonFields fields = JsonFields.tolerant(json("{}"));
        fields.requiredInt("passengers", 1, 9);
        assertThatThrownBy(() -> fields.validOrThrow(errors -> new IllegalArgumentException(errors.get(0).field())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("passengers");
    }
}
