package com.msaair.reservation.application;

import java.time.Instant;
import java.util.Optional;

/** Idempotency keys already used, each with the booking it made (a port). */
public interface BookingRequests {

    record Recorded(long reservationId, String fingerprint) {}

    Optional<Recorded> find(String idempotencyKey);

    void record(String idempotencyKey, String fingerprint, long reservationId, Instant at);
}
