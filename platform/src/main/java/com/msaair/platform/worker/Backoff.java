package com.msaair.platform.worker;

import java.time.Duration;

/**
 * Exponential backoff: the wait after the n-th failure in a row is {@code first} doubled n-1 times,
 * never more than {@code max}. The relay, the inbox and the mail delivery wait this way after failures,
 * and a {@link Poller} after looks that found no work.
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < first <= max");
        }
    }

    public static Backoff of(long firstMillis, long maxMillis) {
        return new Backoff(Duration.ofMillis(firstMillis), Duration.ofMillis(maxMillis));
    }

    /** The wait after {@code failures} failures in a row (0 waits as long as 1). */
    public Duration after(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
