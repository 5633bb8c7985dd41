package com.msaair.reservation.adapter.out.persistence;

import com.msaair.reservation.application.BookingRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JpaBookingRequests implements BookingRequests {

    @PersistenceContext
    EntityManager em;

    @Override
    public Optional<Recorded> find(String idempotencyKey) {
        return Optional.ofNullable(em.find(IdempotentRequest.class, idempotencyKey))
                .map(r -> new Recorded(r.reservationId(), r.fingerprint()));
    }

    @Override
    public void record(String idempotencyKey, String fingerprint, long reservationId, Instant at) {
        em.persist(new IdempotentRequest(idempotencyKey, fingerprint, reservationId, at));
    }
}
