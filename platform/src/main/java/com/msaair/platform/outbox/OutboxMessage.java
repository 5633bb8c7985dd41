package com.msaair.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message waiting to be published to Kafka, written in the same transaction as the state change
 * it announces. The relay deletes it once the broker has acknowledged it.
 */
@Entity
@Table(name = "OUTBOX_MESSAGE")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 249)
    private String topic;

    @Column(name = "MESSAGE_KEY", length = 200)
    private String key;

    /** The payload, when it fits (every event does); a VARCHAR, because Derby handles LOBs through slow streams. */
    @Column(length = MAX_INLINE_PAYLOAD)
    private String payload;

    /** Only for a payload too big for {@link #payload}: a parked poison message may be any size Kafka accepts. */
    @Lob
    @Column(name = "LARGE_PAYLOAD")
    private String largePayload;

    /** Kafka headers as a JSON object of strings. */
    @Column(length = 4000)
    private String headers;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected OutboxMessage() {}

    static final int MAX_INLINE_PAYLOAD = 32_000;

    OutboxMessage(String topic, String key, String payload, String headers, Instant createdAt) {
        this.topic = topic;
        this.key = key;
        if (payload == null || payload.length() <= MAX_INLINE_PAYLOAD) { // null: a parked copy of a record without a value
            this.payload = payload;
        } else {
            this.largePayload = payload;
        }
        this.headers = headers;
        this.createdAt = createdAt;
    }

    /** For unit tests, which have no database to assign identities. */
    void assignIdForTest(long value) {
        this.id = value;
    }

    public Long id() {
        return id;
    }

    public String topic() {
        return topic;
    }

    public String key() {
        return key;
    }

    public String payload() {
        return payload != null ? payload : largePayload;
    }

    public String headers() {
        return headers;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
