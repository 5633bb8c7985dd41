package com.msaair.systemtest.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Waiting for something that happens asynchronously: poll until it holds or a deadline passes. Never a fixed sleep. */
public final class Eventually {

    public static final Duration DEFAULT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 200;

    private Eventually() {}

    /** Polls {@code probe} until {@code condition} accepts its value; fails with the last value seen. */
    public static <T> T await(String what, Duration timeout, Callable<T> probe, Predicate<? super T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Exception lastError = null;
        while (true) {
            try {
                last = probe.call();
                lastError = null;
                if (condition.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure = new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; last seen: " + last);
                if (lastError != null) {
                    failure.addSuppressed(lastError);
                }
                throw failure;
            }
            pause(POLL_MILLIS);
        }
    }

    public static <T> T await(String what, Callable<T> probe, Predicate<? super T> condition) {
        return await(what, DEFAULT, probe, condition);
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
