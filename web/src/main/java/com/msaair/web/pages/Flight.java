package com.msaair.web.pages;

import com.msaair.web.i18n.Formats;
import jakarta.json.JsonObject;
import java.time.Instant;

/** A flight as the pages show it, from the schedule service's answer. */
public record Flight(long id, String flightNumber, String origin, String destination, Instant departure, Instant arrival, long fareAmount,
        String currency, int capacity, String aircraftType, boolean cancelled) {

    static Flight of(JsonObject schedule) {
        JsonObject fare = JsonRead.object(schedule, "fare");
        return new Flight(JsonRead.number(schedule, "id"), JsonRead.string(schedule, "flightNumber"), JsonRead.string(schedule, "origin"),
                JsonRead.string(schedule, "destination"), JsonRead.instant(schedule, "departureTime"), JsonRead.instant(schedule, "arrivalTime"),
                fare == null ? 0 : JsonRead.number(fare, "amount"), fare == null ? "KRW" : JsonRead.string(fare, "currency"),
                (int) JsonRead.number(schedule, "seatCapacity"), JsonRead.string(schedule, "aircraftType"),
                "CANCELLED".equals(JsonRead.string(schedule, "status")));
    }

    public String fare(Formats fmt) {
        return fmt.money(fareAmount, currency);
    }

    public boolean departed() {
        return departure != null && !departure.isAfter(Instant.now());
    }

    public boolean bookable() {
        return !cancelled && !departed();
    }
}
