package com.msaair.payment.adapter.out.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The sandbox processor's memory, written in transactions of its own: the processor's answer stands
 * whatever becomes of the payment service's transaction that asked (a crash right after, say), as
 * a real processor's would.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SandboxOperations {

    @PersistenceContext
    EntityManager em;

    public Optional<SandboxOperation> find(String key) {
        return Optional.ofNullable(em.find(SandboxOperation.class, key));
    }

    /** Keeps {@code operation}; a concurrent one with the same key fails on the primary key, and the caller reads it. */
    public void record(SandboxOperation operation) {
        em.persist(operation);
        em.flush();
    }
}
