package com.msaair.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The inbox table: which messages this service has already handled. */
@ApplicationScoped
public class ProcessedMessages {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean contains(String messageId) {
        return em.find(ProcessedMessage.class, messageId) != null;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String messageId, String channel, ProcessedMessage.Outcome outcome, Instant at) {
        em.persist(new ProcessedMessage(messageId, channel, outcome, at));
    }

    /** How the message ended, if it has. */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Optional<ProcessedMessage.Outcome> outcome(String messageId) {
        return java.util.Optional.ofNullable(em.find(ProcessedMessage.class, messageId)).map(ProcessedMessage::outcome);
    }

    /** A replayed message took effect after all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markApplied(String messageId, String channel, Instant at) {
        ProcessedMessage message = em.find(ProcessedMessage.class, messageId);
        if (message == null) {
            record(messageId, channel, ProcessedMessage.Outcome.APPLIED, at);
        } else {
            message.applied(at);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean containsCommitted(String messageId) {
        return contains(messageId);
    }
}
