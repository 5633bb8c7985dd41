package com.msaair.platform.lease;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Which replica may do a given background job right now (relay the outbox, deliver notifications).
 * Replicas that share a database would otherwise all do the same work at once.
 */
@Entity
@Table(name = "LEASE")
public class Lease {

    @Id
    @Column(length = 100)
    private String name;

    @Column(nullable = false, length = 200)
    private String holder;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected Lease() {}

    Lease(String name, String holder, Instant expiresAt) {
        this.name = name;
        this.holder = holder;
        this.expiresAt = expiresAt;
    }
}
