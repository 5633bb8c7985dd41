package com.msaair.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Warnings about what strangers can make happen as often as they like (refused tokens, say): at most
 * one line per kind per interval, saying how many occurred since the previous line, so a flood costs a
 * line a minute and not a line a request. The first occurrence of a kind is written at once.
 */
final class ThrottledLog {

    private final Logger log;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

    private static final class Kind {
        private Instant lastLine;
        private long sinceLastLine;
    }

    ThrottledLog(Logger log, Clock clock, Duration interval) {
        this.log = log;
        this.clock = clock;
        this.interval = interval;
    }

    /** Counts one occurrence of {@code kind}; writes {@code line.apply(occurrences since the last line)} when it is time to. */
    void warn(String kind, LongFunction<String> line) {
        Kind state = kinds.computeIfAbsent(kind, k -> new Kind());
        long count;
        synchronized (state) {
            state.sinceLastLine++;
            Instant now = clock.instant();
            if (state.lastLine != null && now.isBefore(state.lastLine.plus(interval))) {
                return;
            }
            state.lastLine = now;
            count = state.sinceLastLine;
            state.sinceLastLine = 0;
        }
        log.log(Level.WARNING, line.apply(count));
    }
}
