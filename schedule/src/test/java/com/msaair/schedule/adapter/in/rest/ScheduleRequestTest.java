package com.msaair.schedule.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.json.FieldError;
import com.msaair.platform.rest.InvalidRequestException;
import com.msaair.schedule.application.RegisterSchedule;
import com.msaair.schedule.domain.AircraftTypes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/** A flight is registered with an aircraft type, a bare capacity (old clients), or both when they agree. */
class ScheduleRequestTest {

    private static final String FLIGHT = "\"flightNumber\":\"KE1234\",\"origin\":\"ICN\",\"destination\":\"CJU\","
            + "\"departureTime\":\"2027-03-01T09:00:00Z\",\"arrivalTime\":\"2027-03-01T10:10:00Z\",\"miles\":1000,"
            + "\"fare\":{\"amount\":125000,\"currency\":\"KRW\"}";

    @Test
    void aBareCapacityIsAGenericFlightAsBefore() {
        RegisterSchedule command = parse("\"seatCapacity\":7");
        assertThat(command.aircraftType()).isEqualTo(AircraftTypes.GENERIC);
        assertThat(command.seatCapacity()).isEqualTo(7);
    }

    @Test
    void anAircraftTypeGivesTheCapacityWhichMayBeRepeatedButNotContradicted() {
        assertThat(parse("\"aircraftType\":\"A321\"").seatCapacity()).isEqualTo(180);
        assertThat(parse("\"aircraftType\":\"A321\",\"seatCapacity\":180").seatCapacity()).isEqualTo(180);
        assertThat(parse("\"aircraftType\":\"GENERIC\",\"seatCapacity\":12").seatCapacity()).isEqualTo(12);
        assertRefused("\"aircraftType\":\"A321\",\"seatCapacity\":100", "seatCapacity");
        assertRefused("\"aircraftType\":\"GENERIC\"", "seatCapacity");
        assertRefused("", "seatCapacity");
    }

    @Test
    void anUnknownAircraftTypeIsNamedAloneAndLookAlikesAreUnknown() {
        for (String type : List.of("A999", "a321", "Ａ321", "A321 X", "x".repeat(21), "")) {
            assertRefused("\"aircraftType\":\"" + type + "\"", "aircraftType");
        }
        assertThatThrownBy(() -> parse("\"aircraftType\":\"A999\"")).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("aircraftType"));
        assertRefused("\"aircraftType\":321", "aircraftType");
    }

    @Test
    void theApiDocumentListsExactlyTheCatalogue() {
        java.lang.reflect.RecordComponent aircraftType = ScheduleRequest.class.getRecordComponents()[5];
        assertThat(aircraftType.getName()).isEqualTo("aircraftType");
        assertThat(aircraftType.getAccessor().getAnnotation(Schema.class).enumeration()).containsExactlyElementsOf(AircraftTypes.codes());
    }

    private static RegisterSchedule parse(String seats) {
        return ScheduleRequest.parse(body(seats));
    }

    private static void assertRefused(String seats, String field) {
        assertThatThrownBy(() -> parse(seats)).as(seats).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).contains(field));
    }

    private static JsonObject body(String seats) {
        return Json.createReader(new StringReader("{" + FLIGHT + (seats.isEmpty() ? "" : "," + seats) + "}")).readObject();
    }
}
