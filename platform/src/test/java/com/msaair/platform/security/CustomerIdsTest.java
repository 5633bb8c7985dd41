package com.msaair.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.json.FieldError;
import com.msaair.platform.json.JsonFields;
import com.msaair.platform.rest.InvalidRequestException;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class CustomerIdsTest {

    @Test
    void anIdentityProvidersSubjectOfUpTo128Characters() {
        assertThat(CustomerIds.isValid("3d500791-c63a-4078-a0cb-b9fee0ca9092")).isTrue();
        assertThat(CustomerIds.isValid("auth0|5f7c8ec7c33c6c004bbafe82")).as("another provider's opaque subject").isTrue();
        assertThat(CustomerIds.isValid("a".repeat(CustomerIds.MAX_LENGTH))).isTrue();
        assertThat(CustomerIds.isValid("a".repeat(CustomerIds.MAX_LENGTH + 1))).isFalse();
        for (String bad : new String[] {null, "", "-leading", " c-1", "c 1", "c-1\n", "c/1", "c%201", "ü"}) {
            assertThat(CustomerIds.isValid(bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void aParameterNamingACustomerIsAbsentOrValidElseA400NamingIt() {
        assertThat(CustomerIds.param("customerId", null)).isEmpty();
        assertThat(CustomerIds.param("customerId", "")).isEmpty();
        assertThat(CustomerIds.param("customerId", "c-7")).contains("c-7");
        assertThatThrownBy(() -> CustomerIds.param("customerId", "c 7")).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("customerId"));
        assertThatThrownBy(() -> CustomerIds.requiredParam("id", null)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors().get(0).message()).isEqualTo("is required"));
    }

    @Test
    void anInvalidFieldIsRecordedAgainstItsName() {
        JsonFields fields = JsonFields.tolerant(Json.createObjectBuilder().add("customerId", "c 7").add("other", "c-8").build());
        assertThat(CustomerIds.field(fields, "customerId")).isEmpty();
        assertThat(fields.errors()).extracting(FieldError::field).containsExactly("customerId");

        JsonFields valid = JsonFields.tolerant(Json.createObjectBuilder().add("customerId", "c-7").build());
        assertThat(CustomerIds.field(valid, "customerId")).contains("c-7");
        assertThat(CustomerIds.field(valid, "absent")).isEmpty();
        assertThat(valid.isValid()).isTrue();
    }
}
