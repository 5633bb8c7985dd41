package com.msaair.reservation.adapter.out.persistence;

import com.msaair.platform.persistence.CustomerOwnedRepository;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationRepository;
import com.msaair.reservation.domain.ReservationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** Reservations in the service's own database, mapped in {@code META-INF/orm.xml}. */
@ApplicationScoped
public class JpaReservationRepository extends CustomerOwnedRepository<Reservation> implements ReservationRepository {

    @Override
    public Reservation add(Reservation reservation) {
        return insert(reservation);
    }

    /**
     * One conditional UPDATE instead of a locked read and an update: the row is locked by the update
     * itself, and the version goes up as it does for every change, so a transaction holding the row as
     * it was cannot write over it. It bypasses the persistence context: the caller has not read the
     * reservation in this transaction.
     */
    @Override
    public boolean confirmIfHeld(long id, java.time.Instant at) {
        return em.createQuery("UPDATE Reservation r SET r.status = :confirmed, r.confirmedAt = :at, r.version = r.version + 1"
                        + " WHERE r.id = :id AND r.status = :held")
                .setParameter("confirmed", ReservationStatus.CONFIRMED)
                .setParameter("at", at)
                .setParameter("id", id)
                .setParameter("held", ReservationStatus.HELD)
                // EclipseLink writes a bulk update's values into its SQL unless told to bind them: a new
                // statement for Derby to compile on every call, where a bound one is prepared once.
                .setHint("eclipselink.jdbc.bind-parameters", "True")
                .executeUpdate() == 1;
    }

    /** Derby allows no ORDER BY with FOR UPDATE; callers needing an order sort the list themselves. */
    @Override
    public List<Reservation> activeOnFlightForUpdate(long scheduleId) {
        return em.createQuery("SELECT r FROM Reservation r WHERE r.scheduleId = :flight AND r.status IN :active", Reservation.class)
                .setParameter("flight", scheduleId)
                .setParameter("active", List.of(ReservationStatus.HELD, ReservationStatus.CONFIRMED))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    @Override
    public List<Long> heldExpiredAt(java.time.Instant now, int limit) {
        return em.createQuery("SELECT r.id FROM Reservation r WHERE r.status = :held AND r.holdExpiresAt <= :now ORDER BY r.holdExpiresAt",
                        Long.class)
                .setParameter("held", ReservationStatus.HELD)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }
}
