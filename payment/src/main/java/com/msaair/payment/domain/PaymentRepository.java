package com.msaair.payment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where payments and their ledger are kept (a port). */
public interface PaymentRepository {

    /** Adds the payment unless the reservation has one already; answers the one that is there. */
    Payment addIfAbsent(Payment payment);

    Optional<Payment> find(long id);

    Optional<Payment> ofReservation(long reservationId);

    /** The reservation's payment, locked against concurrent changes until the transaction ends. */
    Optional<Payment> ofReservationForUpdate(long reservationId);

    /** A customer's payments, newest first. */
    List<Payment> ofCustomer(String customerId, int offset, int limit);

    long countOfCustomer(String customerId);

    /** Reservations whose payment the background should charge (or give up on) now, the nearest deadline first. */
    List<Long> dueForCharge(Instant now, int limit);

    /** Reservations whose payment owes a refund. */
    List<Long> owingRefunds(int limit);

    void record(LedgerEntry entry);
}
