package com.msaair.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The span of time this system accepts from outside (request bodies, query parameters, events):
 * years 2000 to 2999, UTC. Derby's TIMESTAMP ends at year 9999 and PostgreSQL's begins at 4713 BC,
 * so a year of 10000 was a 500 when stored; a flight, a booking or an event outside these ten
 * centuries is a typo or an attack, never a fact, and one range for all keeps every database able to
 * store and compare what was accepted.
 */
public final class SupportedTime {

    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2999, 12, 31);
    public static final Instant EARLIEST = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    public static final Instant LATEST = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    public static final String RANGE = "between 2000-01-01 and 2999-12-31 (UTC)";

    private SupportedTime() {}

    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    public static boolean contains(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }
}
