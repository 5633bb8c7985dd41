package com.msaair.mileage.domain;

import java.util.List;
import java.util.Optional;

/** Customers and their mileage ledgers (a port). */
public interface CustomerRepository {

    Customer add(Customer customer);

    Optional<Customer> find(String id);

    /** The customer, locked until the transaction ends (two events for one customer never interleave). */
    Optional<Customer> findForUpdate(String id);

    boolean emailTaken(Email email);

    void addEntry(MileageEntry entry);

    Customer.BookingLedger ledgerOf(String customerId, long reservationId);

    /** Newest first. */
    List<MileageEntry> entries(String customerId, int offset, int limit);

    long countEntries(String customerId);
}
