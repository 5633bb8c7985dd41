package com.msaair.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An outbox row the broker refused for a reason that sending again would not change (too large, an
 * invalid topic, headers that cannot be serialised). It is moved here, out of the relay's way, with
 * the reason, for an operator: the rows behind it go on.
 */
@Entity
@Table(name = "OUTBOX_REFUSED")
public class RefusedOutboxMessage {

    @Id
    private Long id;

    @Column(nullable = false, length = 249)
    private String topic;

    @Column(name = "MESSAGE_KEY", length = 200)
    private String key;

    @Lob
    @Column(name = "PAYLOAD")
    private String payload;

    @Column(length = 4000)
    private String headers;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "REFUSED_AT", nullable = false)
    private Instant refusedAt;

    protected RefusedOutboxMessage() {}

    RefusedOutboxMessage(OutboxMessage message, String reason, Instant refusedAt) {
        this.id = message.id();
        this.topic = message.topic();
        this.key = message.key();
        this.payload = message.payload();
        this.headers = message.headers();
        this.reason = reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        this.createdAt = message.createdAt();
        this.refusedAt = refusedAt;
    }

    /** What an operator sees: no payload (it may be a megabyte), its size instead. */
    public record View(long id, String topic, String key, int payloadLength, String reason, Instant createdAt, Instant refusedAt) {}

    View view() {
        return new View(id, topic, key, payload == null ? 0 : payload.length(), reason, createdAt, refusedAt);
    }
}
