package com.msaair.reservation.application;

import java.util.Optional;

/**
 * A customer's request to book seats. {@code idempotencyKey} makes a retried request (a timeout on
 * the client's side, say) return the first booking instead of making a second.
 */
public record BookFlight(String customerId, long scheduleId, int passengers, Optional<String> idempotencyKey) {

    /** What identifies "the same request" for an idempotency key. */
    String fingerprint() {
        return customerId + "/" + scheduleId + "/" + passengers;
    }
}
