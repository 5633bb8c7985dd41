package com.msaair.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.platform.testing.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThrottledLogTest {

    private final SteppingClock clock = new SteppingClock(Instant.parse("2027-03-01T09:00:00Z"));
    private final Logger logger = Logger.getLogger("throttled-log-test");
    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    ThrottledLogTest() {
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(capture);
    }

    @Test
    void aFloodCostsOneLinePerKindPerIntervalAndTheLinesAddUpToEveryOccurrence() {
        ThrottledLog log = new ThrottledLog(logger, clock, Duration.ofSeconds(60));
        for (int second = 0; second < 180; second++) {
            for (int i = 0; i < 100; i++) {
                log.warn("expired", n -> "expired " + n);
            }
            log.warn("invalid", n -> "invalid " + n);
            clock.advance(Duration.ofSeconds(1));
        }
        log.warn("expired", n -> "expired " + n);

        assertThat(lines).filteredOn(l -> l.startsWith("expired")).containsExactly("expired 1", "expired 6000", "expired 6000", "expired 6000");
        assertThat(lines).filteredOn(l -> l.startsWith("invalid")).containsExactly("invalid 1", "invalid 60", "invalid 60");
    }
}
