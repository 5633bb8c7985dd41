package com.msaair.schedule.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.domain.DomainException;
import com.msaair.platform.testing.RecordingOutbox;
import com.msaair.platform.testing.RecordingOutbox.Published;
import com.msaair.platform.testing.SteppingClock;
import com.msaair.schedule.domain.Airport;
import com.msaair.schedule.domain.Fare;
import com.msaair.schedule.domain.FlightNumber;
import com.msaair.schedule.domain.Schedule;
import com.msaair.schedule.domain.ScheduleEvents;
import com.msaair.schedule.domain.ScheduleException;
import com.msaair.schedule.domain.ScheduleStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Registering and cancelling flights, with the schedules and the outbox in memory. */
class ScheduleServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Instant DEPARTURE = Instant.parse("2026-12-24T23:30:00Z");

    private final SteppingClock clock = new SteppingClock(NOW);
    private final InMemorySchedules schedules = new InMemorySchedules();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final ScheduleService service = new ScheduleService();

    ScheduleServiceTest() {
        service.schedules = schedules;
        service.outbox = outbox;
        service.clock = clock;
    }

    private static RegisterSchedule flight(String number, Instant departure) {
        return new RegisterSchedule(new FlightNumber(number), new Airport("ICN"), new Airport("CJU"), departure,
                departure.plus(Duration.ofMinutes(70)), "GENERIC", 180, 276, new Fare(125_000, "KRW"));
    }

    @Test
    void aRegisteredFlightIsKeptAndAnnouncedOnceKeyedByItsId() {
        Schedule schedule = service.register(flight("KE1234", DEPARTURE));

        assertThat(schedules.find(schedule.id())).contains(schedule);
        assertThat(schedule.status()).isEqualTo(ScheduleStatus.SCHEDULED);
        assertThat(schedule.registeredAt()).as("the service's clock").isEqualTo(NOW);
        assertThat(outbox.published()).singleElement().satisfies(created -> {
            assertThat(created.topic()).isEqualTo(ScheduleEvents.TOPIC);
            assertThat(created.type()).isEqualTo(ScheduleEvents.SCHEDULE_CREATED);
            assertThat(created.key()).isEqualTo(String.valueOf(schedule.id()));
            assertThat(created.event().correlationId()).as("a schedule's events belong to its flow").isEqualTo(created.key());
            assertThat(created.event().occurredAt()).isEqualTo(NOW);
            assertThat(created.event().data().getString("flightNumber")).isEqualTo("KE1234");
            assertThat(created.event().data().getInt("seatCapacity")).isEqualTo(180);
            assertThat(created.event().data().getJsonObject("fare").getJsonNumber("amount").longValue()).isEqualTo(125_000);
            assertThat(created.event().data().getString("departureTime")).isEqualTo(DEPARTURE.toString());
        });
    }

    @Test
    void aFlightNumberFliesOncePerUtcDay() {
        service.register(flight("KE1234", DEPARTURE));

        assertThatThrownBy(() -> service.register(flight("KE1234", Instant.parse("2026-12-24T00:05:00Z"))))
                .isInstanceOfSatisfying(ScheduleException.class, e -> {
                    assertThat(e.code()).isEqualTo("duplicate-schedule");
                    assertThat(e.field()).isEqualTo("flightNumber");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                });
        service.register(flight("KE1234", DEPARTURE.plus(Duration.ofHours(1))));
        service.register(flight("KE1235", DEPARTURE));

        assertThat(schedules.all()).as("the next UTC day, and another number, are other flights").hasSize(3);
        assertThat(outbox.types()).as("nothing announced for the refused one").hasSize(3);
    }

    @Test
    void aRefusedRegistrationKeepsAndAnnouncesNothing() {
        clock.advance(Duration.between(NOW, DEPARTURE));

        assertThatThrownBy(() -> service.register(flight("KE1234", DEPARTURE)))
                .isInstanceOfSatisfying(ScheduleException.class, e -> assertThat(e.field()).isEqualTo("departureTime"));
        assertThat(schedules.all()).isEmpty();
        assertThat(outbox.published()).isEmpty();
    }

    @Test
    void cancellingLocksTheFlightCancelsItAndAnnouncesItOnce() {
        Schedule schedule = service.register(flight("KE1234", DEPARTURE));
        clock.advance(Duration.ofHours(1));

        Schedule cancelled = service.cancel(schedule.id());

        assertThat(schedules.locked).as("two cancellations take turns").containsExactly(schedule.id());
        assertThat(cancelled.status()).isEqualTo(ScheduleStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        Published announced = outbox.published().get(1);
        assertThat(announced.type()).isEqualTo(ScheduleEvents.SCHEDULE_CANCELLED);
        assertThat(announced.key()).isEqualTo(String.valueOf(schedule.id()));
        assertThat(announced.event().data().getString("cancelledAt")).isEqualTo(cancelled.cancelledAt().toString());

        assertThatThrownBy(() -> service.cancel(schedule.id()))
                .isInstanceOfSatisfying(ScheduleException.class, e -> {
                    assertThat(e.code()).isEqualTo("schedule-cancelled");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                });
        assertThat(outbox.types()).as("cancelled once").containsExactly(ScheduleEvents.SCHEDULE_CREATED, ScheduleEvents.SCHEDULE_CANCELLED);
        assertThat(service.get(schedule.id()).cancelledAt()).as("the first cancellation's time stays").isEqualTo(cancelled.cancelledAt());
    }

    @Test
    void aFlightIsNotCancelledFromItsDepartureOn() {
        Schedule schedule = service.register(flight("KE1234", DEPARTURE));
        clock.advance(Duration.between(NOW, DEPARTURE));

        assertThatThrownBy(() -> service.cancel(schedule.id()))
                .isInstanceOfSatisfying(ScheduleException.class, e -> assertThat(e.code()).isEqualTo("schedule-departed"));
        assertThat(service.get(schedule.id()).status()).isEqualTo(ScheduleStatus.SCHEDULED);
        assertThat(outbox.types()).containsExactly(ScheduleEvents.SCHEDULE_CREATED);
    }

    @Test
    void anUnknownScheduleIsNotFound() {
        for (Runnable call : new Runnable[] {() -> service.cancel(404), () -> service.get(404)}) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(ScheduleException.class, e -> {
                assertThat(e.code()).isEqualTo("schedule-not-found");
                assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
            });
        }
        assertThat(outbox.published()).isEmpty();
    }
}
