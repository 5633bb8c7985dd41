package com.msaair.reservation.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An Idempotency-Key and the booking it made; the primary key is what stops a concurrent second booking. */
@Entity
@Table(name = "IDEMPOTENT_REQUEST")
public class IdempotentRequest {

    @Id
    @Column(name = "IDEMPOTENCY_KEY", length = 100)
    private String key;

    @Column(nullable = false, length = 100)
    private String fingerprint;

    @Column(name = "RESERVATION_ID", nullable = false)
    private long reservationId;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected IdempotentRequest() {}

    IdempotentRequest(String key, String fingerprint, long reservationId, Instant createdAt) {
        this.key = key;
        this.fingerprint = fingerprint;
        this.reservationId = reservationId;
        this.createdAt = createdAt;
    }

    String fingerprint() {
        return fingerprint;
    }

    long reservationId() {
        return reservationId;
    }
}
