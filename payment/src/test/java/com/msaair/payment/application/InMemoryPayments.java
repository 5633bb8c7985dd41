package com.msaair.payment.application;

import com.msaair.payment.domain.LedgerEntry;
import com.msaair.payment.domain.Payment;
import com.msaair.payment.domain.PaymentRepository;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Payments and the ledger in memory; like the database, it gives each payment its id and refuses a reservation's second payment. */
final class InMemoryPayments implements PaymentRepository {

    private final Map<Long, Payment> byReservation = new LinkedHashMap<>();
    final List<LedgerEntry> ledger = new ArrayList<>();
    /** Run by {@link #addIfAbsent} between its look and its insert: another transaction opening the payment meanwhile, or failing. */
    Runnable beforeInsert = () -> {};

    @Override
    public Payment addIfAbsent(Payment payment) {
        Payment existing = byReservation.get(payment.reservationId());
        if (existing != null) {
            return existing;
        }
        beforeInsert.run();
        if (byReservation.containsKey(payment.reservationId())) {
            throw new IllegalStateException("unique constraint UQ_PAYMENT_RESERVATION violated: " + payment.reservationId());
        }
        try {
            Field id = Payment.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(payment, byReservation.size() + 1L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        byReservation.put(payment.reservationId(), payment);
        return payment;
    }

    @Override
    public Optional<Payment> find(long id) {
        return byReservation.values().stream().filter(p -> p.id() == id).findFirst();
    }

    @Override
    public Optional<Payment> ofReservation(long reservationId) {
        return Optional.ofNullable(byReservation.get(reservationId));
    }

    @Override
    public Optional<Payment> ofReservationForUpdate(long reservationId) {
        return ofReservation(reservationId);
    }

    @Override
    public List<Payment> ofCustomer(String customerId, int offset, int limit) {
        return byReservation.values().stream().filter(p -> p.customerId().equals(customerId)).sorted(Comparator.comparing(Payment::id).reversed())
                .skip(offset).limit(limit).toList();
    }

    @Override
    public long countOfCustomer(String customerId) {
        return byReservation.values().stream().filter(p -> p.customerId().equals(customerId)).count();
    }

    @Override
    public List<Long> dueForCharge(Instant now, int limit) {
        return byReservation.values().stream().filter(p -> p.isDue(now)).sorted(Comparator.comparing(Payment::captureBefore))
                .map(Payment::reservationId).limit(limit).toList();
    }

    @Override
    public List<Long> owingRefunds(int limit) {
        return byReservation.values().stream().filter(Payment::owesRefund).sorted(Comparator.comparing(Payment::updatedAt))
                .map(Payment::reservationId).limit(limit).toList();
    }

    @Override
    public void record(LedgerEntry entry) {
        ledger.add(entry);
    }
}
