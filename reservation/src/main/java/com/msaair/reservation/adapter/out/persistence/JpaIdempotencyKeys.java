package com.msaair.reservation.adapter.out.persistence;

import com.msaair.reservation.application.IdempotencyKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JpaIdempotencyKeys implements IdempotencyKeys {

    @PersistenceContext
    EntityManager em;

    @Override
    public Optional<Recorded> find(String customerId, String idempotencyKey) {
        return Optional.ofNullable(em.find(IdempotencyKey.class, new IdempotencyKey.Key(customerId, idempotencyKey)))
                .map(r -> new Recorded(r.reservationId(), r.fingerprint()));
    }

    @Override
    public void record(String customerId, String idempotencyKey, String fingerprint, long reservationId, Instant at) {
        em.persist(new IdempotencyKey(customerId, idempotencyKey, fingerprint, reservationId, at));
    }
}
