package com.msaair.payment.adapter.out.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The sandbox processor's memory, written in transactions of its own: the processor's answer stands
 * whatever becomes of the payment service's transaction that asked (a crash right after, say), as
 * a real processor's would. One request to the processor is one transaction here, as it is one call
 * to a real one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SandboxOperations {

    @PersistenceContext
    EntityManager em;

    public Optional<SandboxOperation> find(String key) {
        return Optional.ofNullable(em.find(SandboxOperation.class, key));
    }

    /**
     * The operation kept under {@code operation}'s key: the one kept before, if any — a key answers what
     * it answered first — else {@code operation}, kept now. A concurrent one with the same key fails on
     * the primary key, and the caller reads it.
     */
    public SandboxOperation keepFirst(SandboxOperation operation) {
        SandboxOperation earlier = em.find(SandboxOperation.class, operation.key);
        if (earlier != null) {
            return earlier;
        }
        em.persist(operation);
        em.flush();
        return operation;
    }
}
