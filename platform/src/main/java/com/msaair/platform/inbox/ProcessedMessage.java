package com.msaair.platform.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message this service has dealt with, recorded in the same transaction as its effect: the event
 * id for events, the topic/partition/offset for messages too broken to have one. Seeing the id again
 * (a redelivery after a crash or rebalance, a second replica) means: acknowledge, do nothing.
 */
@Entity
@Table(name = "PROCESSED_MESSAGE")
public class ProcessedMessage {

    public enum Outcome {
        APPLIED,
        PARKED
    }

    @Id
    @Column(name = "MESSAGE_ID", length = 300)
    private String messageId;

    @Column(nullable = false, length = 100)
    private String channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Outcome outcome;

    @Column(name = "PROCESSED_AT", nullable = false)
    private Instant processedAt;

    protected ProcessedMessage() {}

    ProcessedMessage(String messageId, String channel, Outcome outcome, Instant processedAt) {
        this.messageId = messageId;
        this.channel = channel;
        this.outcome = outcome;
        this.processedAt = processedAt;
    }

    Outcome outcome() {
        return outcome;
    }

    void applied(Instant at) {
        outcome = Outcome.APPLIED;
        processedAt = at;
    }
}
