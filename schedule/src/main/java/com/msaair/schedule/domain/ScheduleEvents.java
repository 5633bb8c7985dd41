package com.msaair.schedule.domain;

import com.msaair.platform.domain.DomainEvent;
import java.time.Instant;

/**
 * What the schedule service tells the others, on {@code schedule-events} keyed by schedule id. These
 * records are this service's published contract; consumers read only the fields they need.
 */
public final class ScheduleEvents {

    public static final String TOPIC = "schedule-events";
    public static final String SCHEDULE_CREATED = "ScheduleCreated";
    public static final String SCHEDULE_CANCELLED = "ScheduleCancelled";

    private ScheduleEvents() {}

    /** A flight's event: on {@code schedule-events}, keyed by the schedule id, which is also its correlation id; it concerns no customer. */
    public sealed interface Event extends DomainEvent permits ScheduleCreated, ScheduleCancelled {

        long scheduleId();

        @Override
        default String topic() {
            return TOPIC;
        }

        @Override
        default String key() {
            return String.valueOf(scheduleId());
        }

        @Override
        default String correlationId() {
            return String.valueOf(scheduleId());
        }

        @Override
        default String customerId() {
            return null;
        }
    }

    /** {@code seatMap} is the layout itself (reservation builds the flight's seats from it, knowing no aircraft types). */
    public record ScheduleCreated(long scheduleId, String flightNumber, String origin, String destination,
            Instant departureTime, Instant arrivalTime, int seatCapacity, String aircraftType, SeatMap seatMap, int miles, Fare fare,
            String status) implements Event {

        public static ScheduleCreated of(Schedule s) {
            return new ScheduleCreated(s.id(), s.flightNumber().value(), s.origin().code(), s.destination().code(),
                    s.departureTime(), s.arrivalTime(), s.seatCapacity(), s.aircraftType(), s.seatMap(), s.miles(), s.fare(), s.status().name());
        }
    }

    public record ScheduleCancelled(long scheduleId, String flightNumber, Instant departureTime, Instant cancelledAt) implements Event {

        public static ScheduleCancelled of(Schedule s) {
            return new ScheduleCancelled(s.id(), s.flightNumber().value(), s.departureTime(), s.cancelledAt());
        }
    }
}
