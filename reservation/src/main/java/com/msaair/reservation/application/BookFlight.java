package com.msaair.reservation.application;

import java.util.List;
import java.util.Optional;

/**
 * A customer's request to book seats and pay for them with {@code paymentMethod} (a card processor's
 * token). {@code idempotencyKey} makes a retried request (a timeout on the client's side, say)
 * answer with the first booking instead of making a second. {@code seats} are the seats it names
 * (12A, one per passenger), or none: then seats next to each other are found for it.
 */
public record BookFlight(String customerId, long scheduleId, int passengers, String paymentMethod, Optional<String> idempotencyKey,
        List<String> seats) {

    /** What identifies "the same request" for an idempotency key (the seats written without separators: each ends in its letter). */
    String fingerprint() {
        return customerId + "/" + scheduleId + "/" + passengers + "/" + paymentMethod
                + (seats.isEmpty() ? "" : "/" + String.join("", seats.stream().sorted().toList()));
    }
}
