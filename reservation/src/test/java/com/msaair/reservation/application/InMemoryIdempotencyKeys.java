package com.msaair.reservation.application;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** IDEMPOTENCY_KEY: a row per customer and key, its primary key refusing a key recorded twice. */
final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private final Map<List<String>, Recorded> rows = new HashMap<>();

    @Override
    public Optional<Recorded> find(String customerId, String idempotencyKey) {
        return Optional.ofNullable(rows.get(List.of(customerId, idempotencyKey)));
    }

    @Override
    public void record(String customerId, String idempotencyKey, String fingerprint, long reservationId, Instant at) {
        if (rows.putIfAbsent(List.of(customerId, idempotencyKey), new Recorded(reservationId, fingerprint)) != null) {
            throw new IllegalStateException("duplicate key PK_IDEMPOTENCY_KEY: " + customerId + "/" + idempotencyKey);
        }
    }
}
