package com.msaair.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Which replica's relay may publish right now. Replicas that share a database would otherwise all
 * publish the same rows; one holder at a time keeps the outbox order and avoids needless duplicates.
 */
@Entity
@Table(name = "OUTBOX_LEASE")
public class OutboxLease {

    static final int THE_LEASE = 1;

    @Id
    private int id;

    @Column(nullable = false, length = 200)
    private String holder;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected OutboxLease() {}

    OutboxLease(String holder, Instant expiresAt) {
        this.id = THE_LEASE;
        this.holder = holder;
        this.expiresAt = expiresAt;
    }
}
