package com.msaair.reservation.application;

import java.time.Instant;
import java.util.Optional;

/**
 * The idempotency keys customers have used, each with the booking it made (a port). A key is its
 * customer's: another customer's equal key is another key, so keys cannot be guessed to block someone
 * else's booking or to learn that they booked.
 */
public interface IdempotencyKeys {

    record Recorded(long reservationId, String fingerprint) {}

    Optional<Recorded> find(String customerId, String idempotencyKey);

    void record(String customerId, String idempotencyKey, String fingerprint, long reservationId, Instant at);
}
