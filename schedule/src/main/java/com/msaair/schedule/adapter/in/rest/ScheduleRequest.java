package com.msaair.schedule.adapter.in.rest;

import com.msaair.platform.json.JsonFields;
import com.msaair.platform.rest.InvalidRequestException;
import com.msaair.schedule.application.RegisterSchedule;
import com.msaair.schedule.domain.Airport;
import com.msaair.schedule.domain.Fare;
import com.msaair.schedule.domain.FlightNumber;
import com.msaair.schedule.domain.Schedule;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/schedules}. */
@Schema(name = "ScheduleRequest", description = "A flight to put on sale")
public record ScheduleRequest(
        @Schema(example = "KE1234", pattern = "[A-Z0-9]{2}[0-9]{1,4}[A-Z]?") String flightNumber,
        @Schema(example = "ICN", pattern = "[A-Z]{3}") String origin,
        @Schema(example = "CJU", pattern = "[A-Z]{3}") String destination,
        @Schema(example = "2027-03-01T09:00:00Z", description = "ISO-8601 with offset; in the future") Instant departureTime,
        @Schema(example = "2027-03-01T10:10:00Z", description = "after departureTime") Instant arrivalTime,
        @Schema(example = "180", minimum = "1", maximum = "900") int seatCapacity,
        @Schema(example = "1000", minimum = "1") int miles,
        @Schema(description = "the price of one seat") FareView fare) {

    private static final Set<String> FIELDS =
            Set.of("flightNumber", "origin", "destination", "departureTime", "arrivalTime", "seatCapacity", "miles", "fare");

    static RegisterSchedule parse(JsonObject body) {
        JsonFields fields = JsonFields.strict(body, FIELDS);
        String flightNumber = fields.requiredString("flightNumber", FlightNumber.FORMAT, "an IATA flight number like KE1234");
        String origin = fields.requiredString("origin", Airport.IATA_CODE, "a 3-letter IATA airport code like ICN");
        String destination = fields.requiredString("destination", Airport.IATA_CODE, "a 3-letter IATA airport code like CJU");
        Instant departure = fields.requiredInstant("departureTime");
        Instant arrival = fields.requiredInstant("arrivalTime");
        int capacity = fields.requiredInt("seatCapacity", 1, Schedule.MAX_SEAT_CAPACITY);
        int miles = fields.requiredInt("miles", 1, 100_000);
        Fare fare = fields.requiredMember("fare", Set.of("amount", "currency")).map(ScheduleRequest::fare).orElse(null);
        fields.validOrThrow(InvalidRequestException::new);
        return new RegisterSchedule(new FlightNumber(flightNumber), new Airport(origin), new Airport(destination),
                departure, arrival, capacity, miles, fare);
    }

    private static Fare fare(JsonFields fare) {
        long amount = fare.requiredLong("amount", 1, Fare.MAX_AMOUNT);
        String currency = fare.requiredString("currency", Fare.CURRENCY_CODE, "an ISO-4217 currency code like KRW");
        if (currency != null && Fare.knownCurrency(currency).isEmpty()) {
            fare.reject("currency", "must be an ISO-4217 currency money is paid in; " + currency + " is none");
            return null;
        }
        return amount == 0 || currency == null ? null : new Fare(amount, currency);
    }
}
