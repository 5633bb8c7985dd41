package com.msaair.reservation.application;

import java.util.Optional;

/**
 * A customer's request to book seats and pay for them with {@code paymentMethod} (a card processor's
 * token). {@code idempotencyKey} makes a retried request (a timeout on the client's side, say)
 * answer with the first booking instead of making a second.
 */
public record BookFlight(String customerId, long scheduleId, int passengers, String paymentMethod, Optional<String> idempotencyKey) {

    /** What identifies "the same request" for an idempotency key. */
    String fingerprint() {
        return customerId + "/" + scheduleId + "/" + passengers + "/" + paymentMethod;
    }
}
