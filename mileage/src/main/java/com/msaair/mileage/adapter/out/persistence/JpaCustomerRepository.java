package com.msaair.mileage.adapter.out.persistence;

import com.msaair.mileage.domain.Customer;
import com.msaair.mileage.domain.CustomerRepository;
import com.msaair.mileage.domain.Email;
import com.msaair.mileage.domain.EntryKind;
import com.msaair.mileage.domain.MileageEntry;
import com.msaair.platform.persistence.CustomerRows;
import com.msaair.platform.persistence.JpaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Customers and ledger entries in the service's own database, mapped in {@code META-INF/orm.xml}. */
@ApplicationScoped
public class JpaCustomerRepository extends JpaRepository<Customer> implements CustomerRepository {

    @Override
    public Customer add(Customer customer) {
        // No flush (insert's): the id is given, not generated, and a taken address fails at commit, where CustomerService reads it.
        em.persist(customer);
        return customer;
    }

    @Override
    public Optional<Customer> find(String id) {
        return row(id);
    }

    @Override
    public Optional<Customer> findForUpdate(String id) {
        return rowForUpdate(id);
    }

    @Override
    public boolean emailTaken(Email email) {
        return !em.createQuery("SELECT c.id FROM Customer c WHERE c.email = :email", String.class)
                .setParameter("email", email)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public void addEntry(MileageEntry entry) {
        em.persist(entry);
    }

    @Override
    public Customer.BookingLedger ledgerOf(String customerId, long reservationId) {
        List<MileageEntry> entries = em.createQuery(
                        "SELECT e FROM MileageEntry e WHERE e.customerId = :customer AND e.reservationId = :reservation", MileageEntry.class)
                .setParameter("customer", customerId)
                .setParameter("reservation", reservationId)
                .getResultList();
        return new Customer.BookingLedger(
                entries.stream().filter(e -> e.kind() == EntryKind.ACCRUAL).findFirst(),
                entries.stream().filter(e -> e.kind() == EntryKind.REVERSAL).findFirst());
    }

    @Override
    public List<MileageEntry> entries(String customerId, int offset, int limit) {
        return CustomerRows.page(em, MileageEntry.class, customerId, "e.id DESC", offset, limit);
    }

    @Override
    public long countEntries(String customerId) {
        return CustomerRows.count(em, MileageEntry.class, customerId);
    }

    /** Stores an {@link Email} as its text. */
    @jakarta.persistence.Converter
    public static class EmailConverter implements jakarta.persistence.AttributeConverter<Email, String> {
        @Override
        public String convertToDatabaseColumn(Email email) {
            return email == null ? null : email.value();
        }

        @Override
        public Email convertToEntityAttribute(String value) {
            return value == null ? null : new Email(value);
        }
    }
}
