package com.msaair.schedule.application;

import com.msaair.schedule.domain.FlightNumber;
import com.msaair.schedule.domain.Schedule;
import com.msaair.schedule.domain.ScheduleRepository;
import com.msaair.schedule.domain.ScheduleSearch;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Schedules in a map. Like the database, it gives each schedule its id (JPA sets the field). */
final class InMemorySchedules implements ScheduleRepository {

    private final Map<Long, Schedule> byId = new LinkedHashMap<>();
    /** The ids a caller locked, in order. */
    final List<Long> locked = new ArrayList<>();

    @Override
    public Schedule add(Schedule schedule) {
        long id = byId.size() + 1L;
        try {
            Field field = Schedule.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(schedule, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        byId.put(id, schedule);
        return schedule;
    }

    @Override
    public Optional<Schedule> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Schedule> findForUpdate(long id) {
        locked.add(id);
        return find(id);
    }

    @Override
    public boolean exists(FlightNumber flightNumber, LocalDate departureDate) {
        return byId.values().stream().anyMatch(s -> s.flightNumber().equals(flightNumber) && s.departureDate().equals(departureDate));
    }

    @Override
    public List<Schedule> search(ScheduleSearch search, int offset, int limit) {
        throw new UnsupportedOperationException("the query is the database's; the system tests search");
    }

    @Override
    public long count(ScheduleSearch search) {
        throw new UnsupportedOperationException("the query is the database's; the system tests search");
    }

    List<Schedule> all() {
        return List.copyOf(byId.values());
    }
}
