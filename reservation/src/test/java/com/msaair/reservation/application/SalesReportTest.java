package com.msaair.reservation.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.platform.testing.SteppingClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesReportTest {

    @Test
    void theBoardIsOfTheNextFlightsToDepartAtMostTwoHundred() {
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        List<String> asked = new ArrayList<>();
        SalesReport report = new SalesReport();
        report.clock = new SteppingClock(now);
        report.sales = (after, limit) -> {
            asked.add(after + " " + limit);
            return List.of();
        };

        assertThat(report.upcoming()).isEmpty();
        assertThat(asked).containsExactly(now + " 200");
    }
}
