package com.msaair.payment.adapter.out.persistence;

import com.msaair.payment.domain.LedgerEntry;
import com.msaair.payment.domain.Payment;
import com.msaair.payment.domain.PaymentRepository;
import com.msaair.payment.domain.PaymentStatus;
import com.msaair.platform.persistence.CustomerOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Payments and the ledger in the service's own database, mapped in {@code META-INF/orm.xml}. */
@ApplicationScoped
public class JpaPaymentRepository extends CustomerOwnedRepository<Payment> implements PaymentRepository {

    /** A concurrent insert of the same reservation's payment fails on UQ_PAYMENT_RESERVATION, and the caller reads the winner's. */
    @Override
    public Payment addIfAbsent(Payment payment) {
        return ofReservation(payment.reservationId()).orElseGet(() -> insert(payment));
    }

    @Override
    public Optional<Payment> ofReservation(long reservationId) {
        return byReservation(reservationId).getResultStream().findFirst();
    }

    @Override
    public Optional<Payment> ofReservationForUpdate(long reservationId) {
        return byReservation(reservationId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    private TypedQuery<Payment> byReservation(long reservationId) {
        return em.createQuery("SELECT p FROM Payment p WHERE p.reservationId = :reservation", Payment.class)
                .setParameter("reservation", reservationId);
    }

    @Override
    public List<Long> dueForCharge(Instant now, int limit) {
        // The nearest deadline first: after an outage the backlog is charged in the order the holds run out.
        return em.createQuery("SELECT p.reservationId FROM Payment p WHERE p.status = :pending AND p.nextAttemptAt <= :now"
                        + " ORDER BY p.captureBefore", Long.class)
                .setParameter("pending", PaymentStatus.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<Long> owingRefunds(int limit) {
        return em.createQuery("SELECT p.reservationId FROM Payment p WHERE p.refundDue > 0 ORDER BY p.updatedAt", Long.class)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void record(LedgerEntry entry) {
        em.persist(entry);
    }
}
