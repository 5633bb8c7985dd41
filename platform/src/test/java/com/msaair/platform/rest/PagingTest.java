package com.msaair.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.json.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void defaultsAndOffsets() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.of("3", "10").offset()).isEqualTo(30);
    }

    @Test
    void malformedOrOutOfRangeParametersAreNamed() {
        assertThatThrownBy(() -> PageRequest.of("-1", "1000"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("page", "size"));
        assertThatThrownBy(() -> RequestParams.requiredId("customerId", "abc"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("customerId"));
        assertThatThrownBy(() -> RequestParams.requiredId("customerId", null)).hasMessageContaining("customerId is required");
        assertThatThrownBy(() -> RequestParams.requiredId("id", "0")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aPageKnowsHowManyPagesThereAre() {
        Page<String> page = Page.of(List.of("a", "b"), new PageRequest(0, 2), 5);
        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.map(String::toUpperCase).items()).containsExactly("A", "B");
        assertThat(Page.of(List.of(), new PageRequest(0, 20), 0).totalPages()).isZero();
    }

    @Test
    void aPageIsReadAtItsOffsetThenCounted() {
        List<String> calls = new ArrayList<>();
        Page<String> page = new PageRequest(2, 3).read((offset, limit) -> {
            calls.add("items " + offset + "+" + limit);
            return List.of("g", "h");
        }, () -> {
            calls.add("count");
            return 8;
        });
        assertThat(calls).containsExactly("items 6+3", "count");
        assertThat(page).isEqualTo(new Page<>(List.of("g", "h"), 2, 3, 8, 3));
    }

    @Test
    void aKeyedListIsReadAndCountedForItsKey() {
        Map<String, List<String>> byCustomer = Map.of("7", List.of("a", "b", "c"), "8", List.of("x"));
        Page<String> page = new PageRequest(1, 2).read("7",
                (customer, offset, limit) -> byCustomer.get(customer).subList(offset, Math.min(offset + limit, byCustomer.get(customer).size())),
                customer -> byCustomer.get(customer).size());
        assertThat(page).isEqualTo(new Page<>(List.of("c"), 1, 2, 3, 2));
    }

    @Test
    void problemsRenderAsRfc9457Json() {
        Problem problem = Problem.typed("sold-out", jakarta.ws.rs.core.Response.Status.CONFLICT, "no seats",
                List.of(new FieldError("passengers", "too many")));
        assertThat(problem.toJson()).isEqualTo("{\"type\":\"urn:problem:msaair:sold-out\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"no seats\",\"errors\":[{\"field\":\"passengers\",\"message\":\"too many\"}]}");
    }

    @Test
    void aPageHoldsOneToAHundredItems() {
        assertThat(PageRequest.of("0", "100").size()).isEqualTo(PageRequest.MAX_SIZE);
        assertThat(PageRequest.of("", "")).as("empty means the default").isEqualTo(new PageRequest(0, PageRequest.DEFAULT_SIZE));
        for (String size : new String[] {"0", "101", "1.5", "ten", "99999999999999999999"}) {
            assertThatThrownBy(() -> PageRequest.of("0", size)).as(size).isInstanceOfSatisfying(InvalidRequestException.class,
                    e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("size"));
        }
        assertThat(PageRequest.of("1000000", "100").offset()).as("no int overflow at the last page").isEqualTo(100_000_000);
        assertThat(Page.of(List.of("a"), new PageRequest(1, 2), 4).totalPages()).as("an exact multiple").isEqualTo(2);
        assertThat(Page.of(List.of("a"), new PageRequest(2, 2), 5).page()).isEqualTo(2);
    }
}
