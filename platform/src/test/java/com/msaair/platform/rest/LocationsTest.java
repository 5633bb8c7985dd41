package com.msaair.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LocationsTest {

    @Test
    void aLocationIsThePathUnderTheApplicationAndNeverTheHostTheRequestNamed() {
        assertThat(Locations.of(URI.create("http://evil.example/api/"), "reservations", 81L)).isEqualTo("/api/reservations/81");
        assertThat(Locations.of(URI.create("http://localhost:9080/api"), "schedules", 7)).isEqualTo("/api/schedules/7");
        assertThat(Locations.of(URI.create("http://localhost:9082/"), "payments", 1)).isEqualTo("/payments/1");
    }

    @Test
    void anIdIsOnePathSegment() {
        assertThat(Locations.of(URI.create("http://x/api/"), "customers", "a|b c/d")).isEqualTo("/api/customers/a%7Cb%20c%2Fd");
        assertThat(URI.create("http://localhost:9080/api/reservations/1").resolve(Locations.of(URI.create("http://h/api/"), "customers", "3bbc6a74-7883")))
                .isEqualTo(URI.create("http://localhost:9080/api/customers/3bbc6a74-7883"));
    }
}
