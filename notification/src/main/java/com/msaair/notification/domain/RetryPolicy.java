package com.msaair.notification.domain;

import com.msaair.platform.worker.Backoff;
import java.time.Duration;

/** How often and how patiently a failed delivery is tried again: exponential backoff up to a ceiling. */
public record RetryPolicy(int maxAttempts, Backoff backoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a retry policy needs at least one attempt");
        }
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        return backoff.after(attempt);
    }

    /** The longest wait between two attempts. */
    public Duration maxDelay() {
        return backoff.max();
    }
}
