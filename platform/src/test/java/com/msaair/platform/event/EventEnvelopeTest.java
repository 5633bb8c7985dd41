package com.msaair.platform.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventEnvelopeTest {

    public record Booked(long reservationId, int miles, Instant departureTime) {}

    @Test
    void survivesTheRoundTripThroughJson() {
        UUID cause = UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of("ReservationCreated", Instant.parse("2026-11-21T10:00:00Z"), "7", cause, "3d500791-c63a-4078-a0cb-b9fee0ca9092",
                new Booked(7, 3000, Instant.parse("2027-01-01T09:00:00Z")));

        EventEnvelope read = EventEnvelope.fromJson(event.toJson());

        assertThat(read).isEqualTo(event);
        assertThat(read.data().getInt("miles")).isEqualTo(3000);
        assertThat(read.data().getString("departureTime")).isEqualTo("2027-01-01T09:00:00Z");
        assertThat(read.causation()).contains(cause);
    }

    @Test
    void causationAndCustomerAreOptional() {
        EventEnvelope event = EventEnvelope.of("ScheduleCreated", Instant.now(), "12", null, null, new Booked(1, 1, Instant.now()));
        String json = event.toJson();
        assertThat(json).doesNotContain("causationId").doesNotContain("customerId");
        assertThat(EventEnvelope.fromJson(json).causation()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "[1,2]", "{\"eventType\":\"X\"}", "\u0000\u0001",
            "{\"eventId\":\"nope\",\"eventType\":\"X\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"correlationId\":\"1\",\"data\":{}}",
            "{\"eventId\":\"6f1c1f1e-8f4e-4b7a-9d0e-1f2a3b4c5d6e\",\"eventType\":\"X\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"correlationId\":\"1\",\"data\":[]}"})
    void anythingElseIsAMalformedEventNamingTheProblem(String text) {
        assertThatThrownBy(() -> EventEnvelope.fromJson(text)).isInstanceOf(MalformedEventException.class).hasMessageNotContaining("null");
    }
}
