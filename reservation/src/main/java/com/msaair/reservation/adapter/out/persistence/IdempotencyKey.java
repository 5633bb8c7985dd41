package com.msaair.reservation.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's Idempotency-Key and the booking it made; the primary key (customer, key) is what stops
 * a concurrent second booking with the same key.
 */
@Entity
@Table(name = "IDEMPOTENCY_KEY")
@IdClass(IdempotencyKey.Key.class)
public class IdempotencyKey {

    @Id
    @Column(name = "CUSTOMER_ID", length = 128)
    private String customerId;

    @Id
    @Column(name = "IDEMPOTENCY_KEY", length = 100)
    private String key;

    @Column(nullable = false, length = 100)
    private String fingerprint;

    @Column(name = "RESERVATION_ID", nullable = false)
    private long reservationId;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected IdempotencyKey() {}

    IdempotencyKey(String customerId, String key, String fingerprint, long reservationId, Instant createdAt) {
        this.customerId = customerId;
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

    /** The primary key: whose key, and the key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String customerId;
        private String key;

        public Key() {}

        Key(String customerId, String key) {
            this.customerId = customerId;
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && Objects.equals(customerId, that.customerId) && Objects.equals(key, that.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(customerId, key);
        }
    }
}
