package com.msaair.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * One clock for the application, so that rules about time ("departure in the future") are testable.
 * It ticks in microseconds: PostgreSQL keeps timestamps to the microsecond (Derby to the nanosecond),
 * so a time the service makes is the same in its answer, in its events and when read back later, on
 * either database.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
