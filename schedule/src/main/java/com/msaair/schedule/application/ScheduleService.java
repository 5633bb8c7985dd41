package com.msaair.schedule.application;

import com.msaair.platform.outbox.Outbox;
import com.msaair.platform.tx.RetryOnLockConflict;
import com.msaair.schedule.domain.Schedule;
import com.msaair.schedule.domain.ScheduleEvents.ScheduleCancelled;
import com.msaair.schedule.domain.ScheduleEvents.ScheduleCreated;
import com.msaair.schedule.domain.ScheduleException;
import com.msaair.schedule.domain.ScheduleRepository;
import com.msaair.schedule.domain.ScheduleSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The schedule use cases. Each state change and its event commit together (the outbox), in a
 * transaction of its own, run again when the database rolled it back for a lock conflict.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
@RetryOnLockConflict
public class ScheduleService {

    @Inject
    ScheduleRepository schedules;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public Schedule register(RegisterSchedule command) {
        Instant now = clock.instant();
        Schedule schedule = Schedule.register(command.flightNumber(), command.origin(), command.destination(),
                command.departureTime(), command.arrivalTime(), command.aircraftType(), command.seatCapacity(), command.miles(), command.fare(),
                now);
        if (schedules.exists(schedule.flightNumber(), schedule.departureDate())) {
            throw ScheduleException.duplicate(schedule.flightNumber(), schedule.departureDate());
        }
        schedules.add(schedule);
        outbox.publish(ScheduleCreated.of(schedule), now);
        return schedule;
    }

    public Schedule cancel(long id) {
        Instant now = clock.instant();
        // Locked: of two concurrent cancellations the second waits, then finds the flight cancelled (409).
        Schedule schedule = schedules.findForUpdate(id).orElseThrow(() -> ScheduleException.notFound(id));
        schedule.cancel(now);
        outbox.publish(ScheduleCancelled.of(schedule), now);
        return schedule;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Schedule get(long id) {
        return schedules.find(id).orElseThrow(() -> ScheduleException.notFound(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Schedule> search(ScheduleSearch search, int offset, int limit) {
        return schedules.search(search, offset, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(ScheduleSearch search) {
        return schedules.count(search);
    }
}
