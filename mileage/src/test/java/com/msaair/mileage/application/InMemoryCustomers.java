package com.msaair.mileage.application;

import com.msaair.mileage.domain.Customer;
import com.msaair.mileage.domain.CustomerRepository;
import com.msaair.mileage.domain.Email;
import com.msaair.mileage.domain.EntryKind;
import com.msaair.mileage.domain.MileageEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Customers and their ledgers in memory. */
final class InMemoryCustomers implements CustomerRepository {

    private final Map<String, Customer> byId = new LinkedHashMap<>();
    private final List<MileageEntry> entries = new ArrayList<>();
    /** Ids of the customers a caller locked, in order. */
    final List<String> locked = new ArrayList<>();
    /** Run by {@link #add} before it stores: another registration committing meanwhile. */
    Runnable beforeAdd = () -> {};

    @Override
    public Customer add(Customer customer) {
        beforeAdd.run();
        if (byId.containsKey(customer.id()) || emailTaken(customer.email())) {
            throw new IllegalStateException("unique constraint violated: " + customer.id() + " / " + customer.email());
        }
        byId.put(customer.id(), customer);
        return customer;
    }

    @Override
    public Optional<Customer> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Customer> findForUpdate(String id) {
        locked.add(id);
        return find(id);
    }

    @Override
    public boolean emailTaken(Email email) {
        return byId.values().stream().anyMatch(c -> c.email().equals(email));
    }

    @Override
    public void addEntry(MileageEntry entry) {
        entries.add(entry);
    }

    @Override
    public Customer.BookingLedger ledgerOf(String customerId, long reservationId) {
        List<MileageEntry> booking = entries.stream().filter(e -> e.customerId().equals(customerId) && e.reservationId() == reservationId).toList();
        return new Customer.BookingLedger(booking.stream().filter(e -> e.kind() == EntryKind.ACCRUAL).findFirst(),
                booking.stream().filter(e -> e.kind() == EntryKind.REVERSAL).findFirst());
    }

    @Override
    public List<MileageEntry> entries(String customerId, int offset, int limit) {
        List<MileageEntry> newestFirst = new ArrayList<>(entries.stream().filter(e -> e.customerId().equals(customerId)).toList());
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().skip(offset).limit(limit).toList();
    }

    @Override
    public long countEntries(String customerId) {
        return entries.stream().filter(e -> e.customerId().equals(customerId)).count();
    }
}
