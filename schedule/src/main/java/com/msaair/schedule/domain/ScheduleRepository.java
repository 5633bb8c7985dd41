package com.msaair.schedule.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where schedules are kept (a port: the persistence adapter implements it). */
public interface ScheduleRepository {

    Schedule add(Schedule schedule);

    Optional<Schedule> find(long id);

    /** The schedule, locked until the transaction ends: two cancellations of one flight take turns. */
    Optional<Schedule> findForUpdate(long id);

    boolean exists(FlightNumber flightNumber, LocalDate departureDate);

    /** Matching schedules ordered by departure time. */
    List<Schedule> search(ScheduleSearch search, int offset, int limit);

    long count(ScheduleSearch search);
}
