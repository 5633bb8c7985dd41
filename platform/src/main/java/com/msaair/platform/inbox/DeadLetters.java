package com.msaair.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The dead-letter table: what this service's consumers parked, for an operator to look at and replay. */
@ApplicationScoped
public class DeadLetters {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(DeadLetter letter) {
        em.persist(letter);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DeadLetter> findForUpdate(long id) {
        return Optional.ofNullable(em.find(DeadLetter.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<DeadLetter.View> find(long id) {
        return Optional.ofNullable(em.find(DeadLetter.class, id)).map(DeadLetter::view);
    }

    /** Newest first; {@code reason} and {@code state} narrow the list when given. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<DeadLetter.View> list(Optional<DeadLetter.Reason> reason, Optional<DeadLetter.State> state, int offset, int limit) {
        return where(em.createQuery("SELECT d FROM DeadLetter d" + filter(reason, state) + " ORDER BY d.id DESC", DeadLetter.class),
                        reason, state)
                .setFirstResult(offset).setMaxResults(limit)
                .getResultList().stream().map(DeadLetter::view).toList();
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public long count(Optional<DeadLetter.Reason> reason, Optional<DeadLetter.State> state) {
        return where(em.createQuery("SELECT COUNT(d) FROM DeadLetter d" + filter(reason, state), Long.class), reason, state)
                .getSingleResult();
    }

    // Derby refuses "? IS NULL" (an untyped parameter), so optional filters are left out of the text instead.
    private static String filter(Optional<DeadLetter.Reason> reason, Optional<DeadLetter.State> state) {
        List<String> conditions = new java.util.ArrayList<>();
        reason.ifPresent(r -> conditions.add("d.reasonCode = :reason"));
        state.ifPresent(s -> conditions.add("d.state = :state"));
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static <T> TypedQuery<T> where(TypedQuery<T> query, Optional<DeadLetter.Reason> reason, Optional<DeadLetter.State> state) {
        reason.ifPresent(r -> query.setParameter("reason", r));
        state.ifPresent(s -> query.setParameter("state", s));
        return query;
    }

    /** Ids of parked messages of one reason, oldest first: what "replay all of this reason" works through. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Long> parkedIds(DeadLetter.Reason reason, int limit) {
        return em.createQuery("SELECT d.id FROM DeadLetter d WHERE d.reasonCode = :reason AND d.state = :state ORDER BY d.id", Long.class)
                .setParameter("reason", reason)
                .setParameter("state", DeadLetter.State.PARKED)
                .setMaxResults(limit)
                .getResultList();
    }
}
