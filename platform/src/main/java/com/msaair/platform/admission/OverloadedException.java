package com.msaair.platform.admission;

import java.time.Duration;

/**
 * A request refused for want of capacity before any of its work was done: nothing happened, so the
 * client may send it again after {@link #retryAfter()} (with the same idempotency key, if it sent one).
 * REST answers it 503 with {@code Retry-After} (platform's ProblemMappers).
 */
public class OverloadedException extends RuntimeException {

    /** Why it was refused. */
    public enum Reason {
        /** As many requests were already waiting as may wait. */
        QUEUE_FULL,
        /** It waited as long as a request may wait (or its wait was interrupted: the server is stopping). */
        WAITED_TOO_LONG
    }

    private final String limit;
    private final Reason reason;
    private final Duration retryAfter;

    public OverloadedException(String limit, Reason reason, Duration retryAfter) {
        // No stack trace: past capacity refusals come by the hundred a second and must cost next to nothing.
        super("The server is at capacity for " + limit + " (" + (reason == Reason.QUEUE_FULL ? "too many waiting" : "waited too long")
                + "); nothing was done: try again in " + retryAfter.toSeconds() + " s", null, false, false);
        this.limit = limit;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public String limit() {
        return limit;
    }

    public Reason reason() {
        return reason;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
