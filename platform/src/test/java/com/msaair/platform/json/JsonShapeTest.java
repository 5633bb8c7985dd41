package com.msaair.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonShapeTest {

    private static FieldError problemOf(String json) {
        try {
            JsonShape.REQUEST.check(json.getBytes(StandardCharsets.UTF_8));
        } catch (JsonShape.ShapeException e) {
            return e.error();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void aMemberNamedTwiceIsRefusedWhereverItIs() {
        assertThat(problemOf("{\"customerId\":1,\"customerId\":2}")).isEqualTo(new FieldError("customerId", "appears more than once"));
        assertThat(problemOf("{\"a\":{\"b\":1,\"b\":1}}").field()).isEqualTo("a.b");
        JsonShape.REQUEST.check("{\"a\":{\"b\":1},\"c\":{\"b\":1},\"d\":[{\"b\":1},{\"b\":2}]}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNumberLongerThanAnyThisSystemUsesIsRefusedByName() {
        assertThat(problemOf("{\"passengers\":" + "1".repeat(1_200) + "}"))
                .isEqualTo(new FieldError("passengers", "is a number of more than 40 characters"));
        assertThat(problemOf("[1, " + "2".repeat(41) + "]").field()).isEqualTo("body");
        JsonShape.REQUEST.check("{\"n\":-9223372036854775808,\"e\":1e999999999}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nestingIsBoundedAndOnlyOneValueIsTaken() {
        assertThat(problemOf("[".repeat(17) + "]".repeat(17)).message()).contains("nested more than 16");
        assertThat(problemOf("{}{}").field()).isEqualTo("body"); // Parsson itself refuses a second value
        assertThat(problemOf("{\"a\":").message()).isEqualTo("must be valid JSON");
        assertThatThrownBy(() -> JsonShape.REQUEST.check(new byte[] {(byte) 0xFF, '{', '}'})).isInstanceOf(JsonShape.ShapeException.class);
    }
}
