package com.msaair.mileage.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reservation event kept for an operator, with why it could not be applied. */
@Entity
@Table(name = "PARKED_EVENT", indexes = @Index(name = "IX_PARKED_UNRESOLVED", columnList = "RESOLVED_AT, ID"))
public class ParkedEventRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "EVENT_ID", nullable = false, length = 36)
    String eventId;

    @Column(name = "EVENT_TYPE", nullable = false, length = 100)
    String eventType;

    @Column(name = "CUSTOMER_ID", nullable = false, length = 128)
    String customerId;

    @Column(name = "RESERVATION_ID", nullable = false)
    long reservationId;

    @Column(nullable = false, length = 500)
    String reason;

    @Lob
    @Column(nullable = false)
    String event;

    @Column(name = "PARKED_AT", nullable = false)
    Instant parkedAt;

    @Column(name = "RESOLVED_AT")
    Instant resolvedAt;
}
