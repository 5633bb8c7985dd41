package com.msaair.reservation.adapter.in.messaging;

import com.msaair.platform.domain.Money;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.inbox.EventConsumer;
import com.msaair.platform.inbox.EventHandler;
import com.msaair.platform.json.JsonFields;
import com.msaair.reservation.application.FlightReplicaService;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.FlightStatus;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.SeatLayout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Schedule events keep the flight replica current (so booking goes on while the schedule service is
 * down) and cancel the bookings of cancelled flights. Each event type is read by its own record below,
 * only the members reservation needs (a tolerant reader).
 */
@ApplicationScoped
@EventConsumer(channel = "schedule-events", handles = {"ScheduleCreated", "ScheduleCancelled"})
public class ScheduleEventsConsumer implements EventHandler {

    private static final Pattern AISLE = Pattern.compile("[A-Z]\\|[A-Z]");

    @Inject
    FlightReplicaService replica;

    @Override
    public void handle(EventEnvelope event) {
        switch (event.eventType()) {
            case "ScheduleCreated" -> replica.scheduleCreated(ScheduleCreated.read(event).facts());
            case "ScheduleCancelled" -> replica.scheduleCancelled(ScheduleCancelled.read(event).scheduleId(), event.eventId());
            default -> throw MalformedEventException.unknownType(event.eventType());
        }
    }

    /** A flight put on sale: what the replica keeps of it. */
    record ScheduleCreated(long scheduleId, String flightNumber, String origin, String destination, Instant departureTime,
            Instant arrivalTime, String aircraftType, SeatLayout layout, int miles, Money fare) {

        static ScheduleCreated read(EventEnvelope event) {
            return event.readData(data -> {
                long scheduleId = data.requiredLong("scheduleId", 1, Long.MAX_VALUE);
                String flightNumber = data.requiredString("flightNumber", 10);
                String origin = data.requiredString("origin", 3);
                String destination = data.requiredString("destination", 3);
                Instant departure = data.requiredInstant("departureTime");
                Instant arrival = data.requiredInstant("arrivalTime");
                int capacity = data.requiredInt("seatCapacity", 1, 10_000);
                String aircraftType = data.optionalString("aircraftType", 20).orElse(FlightFacts.GENERIC);
                SeatLayout layout = seatLayout(event, data, capacity);
                int miles = data.requiredInt("miles", 1, 1_000_000);
                Money fare = data.requiredMember("fare", Set.of()).map(ScheduleEventsConsumer::fare).orElse(null);
                return new ScheduleCreated(scheduleId, flightNumber, origin, destination, departure, arrival, aircraftType, layout, miles, fare);
            });
        }

        FlightFacts facts() {
            return new FlightFacts(scheduleId, flightNumber, origin, destination, departureTime, arrivalTime, aircraftType, layout, miles, fare,
                    FlightStatus.SCHEDULED);
        }
    }

    record ScheduleCancelled(long scheduleId) {

        static ScheduleCancelled read(EventEnvelope event) {
            return event.readData(data -> new ScheduleCancelled(data.requiredLong("scheduleId", 1, Long.MAX_VALUE)));
        }
    }

    /**
     * The flight's seats: its {@code seatMap} (rows, letters, aisles), or — from a schedule service of
     * the release before seat maps — the generic layout of its capacity, as that release's flights got.
     */
    private static SeatLayout seatLayout(EventEnvelope event, JsonFields data, int capacity) {
        JsonValue given = event.data().get("seatMap");
        try {
            if (given == null || given.getValueType() == JsonValue.ValueType.NULL) {
                return capacity < 1 ? null : SeatLayout.generic(capacity);
            }
            return data.requiredMember("seatMap", Set.of()).map(map -> {
                int rows = map.requiredInt("rows", 1, SeatLayout.MAX_ROWS);
                String letters = map.requiredString("letters", 12);
                List<String> aisles = map.optionalStrings("aisles", 11, AISLE, "two letters either side of an aisle, like C|D").orElse(List.of());
                return rows == 0 || letters == null || capacity < 1 ? null : SeatLayout.of(rows, letters, aisles, capacity);
            }).orElse(null);
        } catch (IllegalArgumentException e) {
            data.reject("seatMap", "is no seat map of " + capacity + " seats: " + e.getMessage());
            return null;
        }
    }

    private static Money fare(JsonFields fare) {
        long amount = fare.requiredLong("amount", 1, Long.MAX_VALUE / Reservation.MAX_PASSENGERS);
        String currency = fare.requiredString("currency", Money.CURRENCY_CODE, "an ISO-4217 currency code");
        return amount == 0 || currency == null ? null : new Money(amount, currency);
    }
}
