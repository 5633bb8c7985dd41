package com.msaair.payment.adapter.out.sandbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One operation the sandbox processor performed, kept by its idempotency key: what a real
 * processor remembers on its side, so that the same key answers the same and moves money once. It is
 * the processor's record, not the service's: the service's own is the ledger.
 */
@Entity
@Table(name = "SANDBOX_OPERATION")
public class SandboxOperation {

    static final String CHARGE = "CHARGE";
    static final String REFUND = "REFUND";

    @Id
    @Column(name = "IDEMPOTENCY_KEY", length = 80)
    String key;

    @Column(name = "KIND", nullable = false, length = 10)
    String kind;

    /** For a charge: null when approved, else the decline reason. */
    @Column(name = "DECLINE_REASON", length = 64)
    String declineReason;

    @Column(name = "REFERENCE", nullable = false, length = 64)
    String reference;

    @Column(name = "AMOUNT", nullable = false)
    long amount;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    String currency;

    @Column(name = "RECORDED_AT", nullable = false)
    Instant recordedAt;

    protected SandboxOperation() {
        // for JPA
    }

    SandboxOperation(String key, String kind, String declineReason, String reference, long amount, String currency, Instant at) {
        this.key = key;
        this.kind = kind;
        this.declineReason = declineReason;
        this.reference = reference;
        this.amount = amount;
        this.currency = currency;
        this.recordedAt = at;
    }
}
