package com.msaair.schedule.domain;

import com.msaair.platform.domain.DomainException;

/** The schedule rules' refusals, each with the answer a client gets. */
public final class ScheduleException extends DomainException {

    private ScheduleException(Kind kind, String code, String field, String message) {
        super(kind, code, field, message);
    }

    public static ScheduleException notFound(long id) {
        return new ScheduleException(Kind.NOT_FOUND, "schedule-not-found", null, "Schedule " + id + " does not exist");
    }

    public static ScheduleException alreadyCancelled(Long id) {
        return new ScheduleException(Kind.CONFLICT, "schedule-cancelled", null, "Schedule " + id + " is already cancelled");
    }

    public static ScheduleException alreadyDeparted(Long id) {
        return new ScheduleException(Kind.CONFLICT, "schedule-departed", null, "Schedule " + id + " has already departed");
    }

    public static ScheduleException duplicate(FlightNumber flight, java.time.LocalDate date) {
        return new ScheduleException(Kind.CONFLICT, "duplicate-schedule", "flightNumber",
                "Flight " + flight + " is already scheduled on " + date);
    }

    public static ScheduleException invalid(String field, String message) {
        return new ScheduleException(Kind.UNPROCESSABLE, "invalid-schedule", field, message);
    }
}
