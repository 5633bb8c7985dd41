package com.msaair.reservation.adapter.in.messaging;

import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.inbox.EventTypes;
import com.msaair.platform.inbox.Inbox;
import com.msaair.platform.json.JsonFields;
import com.msaair.reservation.application.FlightReplicaService;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.FlightStatus;
import com.msaair.platform.domain.Money;
import com.msaair.reservation.domain.Reservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;

/**
 * Schedule events keep the flight replica current (so booking goes on while the schedule service is
 * down) and cancel the bookings of cancelled flights. Reads only the fields it needs.
 */
@ApplicationScoped
public class ScheduleEventsConsumer {

    static final String CHANNEL = "schedule-events";
    static final EventTypes TYPES = EventTypes.handling("ScheduleCreated", "ScheduleCancelled");

    @Inject
    Inbox inbox;

    @Inject
    FlightReplicaService replica;

    void consume(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        inbox.consume(CHANNEL, TYPES, this::apply);
    }

    void apply(EventEnvelope event) {
        JsonFields data = JsonFields.tolerant(event.data());
        switch (event.eventType()) {
            case "ScheduleCreated" -> {
                long scheduleId = data.requiredLong("scheduleId", 1, Long.MAX_VALUE);
                String flightNumber = data.requiredString("flightNumber", 10);
                String origin = data.requiredString("origin", 3);
                String destination = data.requiredString("destination", 3);
                Instant departure = data.requiredInstant("departureTime");
                Instant arrival = data.requiredInstant("arrivalTime");
                int capacity = data.requiredInt("seatCapacity", 1, 10_000);
                int miles = data.requiredInt("miles", 1, 1_000_000);
                Money fare = data.requiredMember("fare", Set.of()).map(ScheduleEventsConsumer::fare).orElse(null);
                data.validOrThrow(MalformedEventException::new);
                replica.scheduleCreated(new FlightFacts(scheduleId, flightNumber, origin, destination, departure, arrival,
                        capacity, miles, fare, FlightStatus.SCHEDULED));
            }
            case "ScheduleCancelled" -> {
                long scheduleId = data.requiredLong("scheduleId", 1, Long.MAX_VALUE);
                data.validOrThrow(MalformedEventException::new);
                replica.scheduleCancelled(scheduleId, event.eventId());
            }
            default -> throw new MalformedEventException("unknown event type " + event.eventType() + " on " + CHANNEL);
        }
    }

    private static Money fare(JsonFields fare) {
        long amount = fare.requiredLong("amount", 1, Long.MAX_VALUE / Reservation.MAX_PASSENGERS);
        String currency = fare.requiredString("currency", Money.CURRENCY_CODE, "an ISO-4217 currency code");
        return amount == 0 || currency == null ? null : new Money(amount, currency);
    }
}
