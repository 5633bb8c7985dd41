package com.msaair.reservation.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.json.FieldError;
import com.msaair.platform.rest.InvalidRequestException;
import com.msaair.platform.security.Caller;
import com.msaair.reservation.application.BookFlight;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a booking may name as its seats; anything else is a 400 naming seats, whatever it holds. */
class BookingRequestTest {

    private static final Caller CUSTOMER = new Caller() {
        @Override
        public String customerFor(String field, String named, String... actingForAnyone) {
            return "c-1";
        }
    };

    private static BookFlight parse(int passengers, String seats) {
        String body = "{\"scheduleId\":5,\"passengers\":" + passengers + ",\"paymentMethod\":\"pm_card_visa\""
                + (seats == null ? "" : ",\"seats\":" + seats) + "}";
        JsonObject json = Json.createReader(new StringReader(body)).readObject();
        return BookingRequest.parse(json, null, CUSTOMER);
    }

    @Test
    void seatsAreNamedOnePerPassengerOrNotAtAll() {
        assertThat(parse(2, "[\"12A\",\"12B\"]").seats()).containsExactly("12A", "12B");
        assertThat(parse(2, null).seats()).isEmpty();
        assertThat(parse(2, "null").seats()).isEmpty();
        assertThat(parse(2, "[]").seats()).as("an empty list names none").isEmpty();
        assertThat(parse(1, "[\"999Z\"]").seats()).as("a well-formed seat; whether the flight has it is the hold's to say").containsExactly("999Z");
    }

    @Test
    void malformedDuplicateOrMiscountedSeatsAreRefusedNamingSeats() {
        String kilobytes = "\"" + "1A".repeat(5_000) + "\"";
        for (String seats : List.of("[\"0A\"]", "[\"1a\"]", "[\"01A\"]", "[\"A1\"]", "[\"1000A\"]", "[\" 1A\"]", "[\"1A \"]", "[" + kilobytes + "]",
                "[\"1\\u0410\"]", "[\"\\uff11\\uff21\"]", "[\"1A\\u0000\"]", "[1]", "[null]", "[[\"1A\"]]", "[{}]", "\"1A\"", "{}", "1",
                "[\"1A\",\"1A\"]", "[\"1A\"]", "[\"1A\",\"1B\",\"1C\"]",
                "[\"1A\",\"1B\",\"1C\",\"1D\",\"1E\",\"1F\",\"2A\",\"2B\",\"2C\",\"2D\"]")) {
            assertThatThrownBy(() -> parse(2, seats)).as(seats.length() > 40 ? seats.length() + " characters" : seats)
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.errors()).extracting(FieldError::field).containsOnly("seats");
                        assertThat(e.getMessage()).doesNotContain("1A1A1A");
                    });
        }
    }

}
