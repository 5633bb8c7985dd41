package com.msaair.platform.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message this service's consumer parked, kept beside its copy on {@code <topic>.DLT} so that an
 * operator can send it back to the consumer once the cause is fixed: written in the transaction that
 * parks it, replayed under a row lock, so a replay takes effect at most once. The text is kept when it
 * fits in {@link #MAX_KEPT_TEXT} characters (every event this system writes does); a bigger or
 * undecodable message is kept as facts only, and replaying it is refused.
 */
@Entity
@Table(name = "DEAD_LETTER")
public class DeadLetter {

    static final int MAX_KEPT_TEXT = 32_000;

    /** Why a message was parked; replay can select all of one reason. */
    public enum Reason {
        /** Not UTF-8, not JSON, not an envelope: nothing any consumer could read. */
        MALFORMED,
        /** An envelope the consumer refused: unknown type, invalid data, a rule of the business. */
        REJECTED,
        /** The consumer failed on it again and again while its database answered. */
        FAILING
    }

    public enum State {
        PARKED,
        REPLAYED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String channel;

    @Column(name = "MESSAGE_ID", nullable = false, length = 300)
    private String messageId;

    @Column(nullable = false, length = 249)
    private String topic;

    @Column(name = "PARTITION_NO", nullable = false)
    private int partition;

    @Column(name = "OFFSET_NO", nullable = false)
    private long offset;

    @Column(name = "MESSAGE_KEY", length = 200)
    private String key;

    /** The message as text, when it was UTF-8 and fits; null otherwise (then it cannot be replayed). */
    @Column(name = "MESSAGE_TEXT", length = MAX_KEPT_TEXT)
    private String text;

    @Column(name = "MESSAGE_SIZE", nullable = false)
    private int size;

    @Enumerated(EnumType.STRING)
    @Column(name = "REASON_CODE", nullable = false, length = 20)
    private Reason reasonCode;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "PARKED_AT", nullable = false)
    private Instant parkedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private State state;

    @Column(name = "REPLAYED_AT")
    private Instant replayedAt;

    @Column(name = "LAST_REPLAY", length = 1000)
    private String lastReplay;

    protected DeadLetter() {}

    DeadLetter(String channel, String messageId, ReceivedMessage message, Reason reasonCode, String reason, Instant parkedAt) {
        this.channel = channel;
        this.messageId = messageId;
        this.topic = message.topic();
        this.partition = message.partition();
        this.offset = message.offset();
        this.key = message.keyText().map(k -> DeadLetterCopy.cut(k, DeadLetterCopy.MAX_KEY)).orElse(null);
        this.text = message.text().filter(t -> t.length() <= MAX_KEPT_TEXT).orElse(null);
        this.size = message.size();
        this.reasonCode = reasonCode;
        this.reason = DeadLetterCopy.cut(reason, 1000);
        this.parkedAt = parkedAt;
        this.state = State.PARKED;
    }

    /** For unit tests, which have no database to assign identities. */
    void assignIdForTest(long value) {
        this.id = value;
    }

    public Long id() {
        return id;
    }

    public String channel() {
        return channel;
    }

    public String messageId() {
        return messageId;
    }

    public String text() {
        return text;
    }

    public State state() {
        return state;
    }

    void replayed(Instant at, String outcome) {
        state = State.REPLAYED;
        replayedAt = at;
        lastReplay = DeadLetterCopy.cut(outcome, 1000);
    }

    void stillParked(Instant at, String outcome) {
        replayedAt = at;
        lastReplay = DeadLetterCopy.cut(outcome, 1000);
    }

    /** What an operator sees. */
    public record View(long id, String channel, String messageId, String topic, int partition, long offset, String key,
            int size, boolean replayable, Reason reasonCode, String reason, Instant parkedAt, State state,
            Instant replayedAt, String lastReplay, String text) {}

    public View view() {
        return new View(id, channel, messageId, topic, partition, offset, key, size, text != null, reasonCode, reason,
                parkedAt, state, replayedAt, lastReplay, text);
    }
}
