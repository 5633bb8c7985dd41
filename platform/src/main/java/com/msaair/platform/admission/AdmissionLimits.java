package com.msaair.platform.admission;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How much of one operation a server runs at once: {@code concurrency} at a time, up to {@code queue}
 * more waiting for a turn at most {@code maxWait} each; every other request is refused with
 * {@code Retry-After: retryAfter}. Configured as {@code msaair.admission.<name>.concurrency},
 * {@code .queue}, {@code .max-wait-ms} and {@code .retry-after-seconds} (environment variables such
 * as {@code MSAAIR_ADMISSION_BOOKING_CONCURRENCY} override them); what is not configured takes the
 * defaults below, sized for a booking on a 2-core host (docs/architecture.md, "Admission control").
 */
public record AdmissionLimits(int concurrency, int queue, Duration maxWait, Duration retryAfter) {

    public static final String PREFIX = "msaair.admission.";
    /** Eight bookings at once already kept both cores of the benchmark's host busy (docs/benchmarks.md). */
    public static final int DEFAULT_CONCURRENCY = 8;
    /** With the eight running, a 16-connection closed-loop benchmark and its probe are never refused. */
    public static final int DEFAULT_QUEUE = 16;
    /** Leaves the other 600 ms of a one-second p99 to the booking itself. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMillis(400);
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    /** The keys a limit may have. */
    static final Set<String> KEYS = Set.of("concurrency", "queue", "max-wait-ms", "retry-after-seconds");

    public AdmissionLimits {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        if (queue < 0) {
            throw new IllegalArgumentException("queue must be 0 or more, not " + queue);
        }
        if (maxWait.isNegative() || (queue > 0 && maxWait.isZero())) {
            throw new IllegalArgumentException("max-wait-ms must be more than 0 when requests may wait (queue " + queue + "), not "
                    + maxWait.toMillis());
        }
        if (retryAfter.isNegative() || retryAfter.isZero() || retryAfter.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("retry-after-seconds must be a whole number of seconds, at least 1, not " + retryAfter);
        }
    }

    /**
     * The limits named {@code name}, read with {@code config} (a key to its value, if set).
     *
     * @throws IllegalArgumentException naming the key whose value is not a number or out of range
     */
    public static AdmissionLimits of(String name, Function<String, Optional<String>> config) {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("An admission limit's name is lower-case letters, digits and dashes, not \"" + name + "\"");
        }
        String prefix = PREFIX + name + ".";
        try {
            return new AdmissionLimits(
                    number(config, prefix + "concurrency", DEFAULT_CONCURRENCY),
                    number(config, prefix + "queue", DEFAULT_QUEUE),
                    Duration.ofMillis(number(config, prefix + "max-wait-ms", (int) DEFAULT_MAX_WAIT.toMillis())),
                    Duration.ofSeconds(number(config, prefix + "retry-after-seconds", (int) DEFAULT_RETRY_AFTER.toSeconds())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Admission limit " + prefix + "*: " + e.getMessage(), e);
        }
    }

    private static int number(Function<String, Optional<String>> config, String key, int otherwise) {
        Optional<String> value = config.apply(key);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not \"" + value.get() + "\"", e);
        }
    }
}
