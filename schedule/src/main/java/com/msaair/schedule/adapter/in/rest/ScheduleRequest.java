package com.msaair.schedule.adapter.in.rest;

import com.msaair.platform.json.JsonFields;
import com.msaair.platform.rest.InvalidRequestException;
import com.msaair.schedule.application.RegisterSchedule;
import com.msaair.schedule.domain.AircraftTypes;
import com.msaair.schedule.domain.Airport;
import com.msaair.schedule.domain.Fare;
import com.msaair.schedule.domain.FlightNumber;
import com.msaair.schedule.domain.Schedule;
import com.msaair.schedule.domain.SeatMap;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Optional;
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
        @Schema(description = "What the flight is flown with, which gives its seat map; GENERIC (the default) is rows of six"
                + " seats (A-F, an aisle between C and D) for seatCapacity seats, the last row shorter", example = "A321",
                enumeration = {"ATR72", "A220-300", "A320", "A321", "B737-800", "A330-300", "B777-300ER", "GENERIC"}) String aircraftType,
        @Schema(description = "Required for GENERIC; for an aircraft type it follows from the seat map (if given, it must agree)",
                example = "180", minimum = "1", maximum = "900") Integer seatCapacity,
        @Schema(example = "1000", minimum = "1") int miles,
        @Schema(description = "the price of one seat") FareView fare) {

    private static final Set<String> FIELDS =
            Set.of("flightNumber", "origin", "destination", "departureTime", "arrivalTime", "aircraftType", "seatCapacity", "miles", "fare");

    static RegisterSchedule parse(JsonObject body) {
        JsonFields fields = JsonFields.strict(body, FIELDS);
        String flightNumber = fields.requiredString("flightNumber", FlightNumber.FORMAT, "an IATA flight number like KE1234");
        String origin = fields.requiredString("origin", Airport.IATA_CODE, "a 3-letter IATA airport code like ICN");
        String destination = fields.requiredString("destination", Airport.IATA_CODE, "a 3-letter IATA airport code like CJU");
        Instant departure = fields.requiredInstant("departureTime");
        Instant arrival = fields.requiredInstant("arrivalTime");
        String aircraftType = fields.optionalString("aircraftType", 20).orElse(AircraftTypes.GENERIC);
        Optional<SeatMap> seatMap = AircraftTypes.seatMapOf(aircraftType);
        boolean generic = aircraftType.equals(AircraftTypes.GENERIC);
        if (!AircraftTypes.isKnown(aircraftType)) {
            fields.reject("aircraftType", "must be one of " + String.join(", ", AircraftTypes.codes()));
        }
        // An aircraft type's seat map says how many seats it has; only a GENERIC flight needs to be told.
        boolean capacityGiven = body.get("seatCapacity") != null && body.get("seatCapacity").getValueType() != JsonValue.ValueType.NULL;
        int capacity = capacityGiven || generic ? fields.requiredInt("seatCapacity", 1, Schedule.MAX_SEAT_CAPACITY)
                : seatMap.map(SeatMap::seatCount).orElse(0);
        if (capacityGiven && seatMap.isPresent() && capacity != 0 && capacity != seatMap.get().seatCount()) {
            fields.reject("seatCapacity", "must be " + seatMap.get().seatCount() + " for an aircraft of type " + aircraftType
                    + " (its seat map), or be left out");
        }
        int miles = fields.requiredInt("miles", 1, 100_000);
        Fare fare = fields.requiredMember("fare", Set.of("amount", "currency")).map(ScheduleRequest::fare).orElse(null);
        fields.validOrThrow(InvalidRequestException::new);
        return new RegisterSchedule(new FlightNumber(flightNumber), new Airport(origin), new Airport(destination),
                departure, arrival, aircraftType, capacity, miles, fare);
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
