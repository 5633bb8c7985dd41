package com.msaair.mileage.application;

import com.msaair.mileage.domain.Customer;
import com.msaair.mileage.domain.CustomerRepository;
import com.msaair.mileage.domain.Email;
import com.msaair.mileage.domain.MileageEntry;
import com.msaair.mileage.domain.MileageEvents;
import com.msaair.mileage.domain.MileageEvents.CustomerRegistered;
import com.msaair.mileage.domain.MileageException;
import com.msaair.platform.domain.DomainException;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.outbox.Outbox;
import com.msaair.platform.tx.DatabaseFailures;
import com.msaair.platform.tx.RetryOnLockConflict;
import com.msaair.platform.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Registering customers and reading their mileage. */
@ApplicationScoped
public class CustomerService {

    @Inject
    CustomerRepository customers;

    @Inject
    Outbox outbox;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @RetryOnLockConflict
    public Customer register(String id, String name, Email email) {
        try {
            return transactions.inNewTransaction(() -> {
                if (customers.find(id).isPresent()) {
                    throw MileageException.alreadyACustomer(id);
                }
                if (customers.emailTaken(email)) {
                    throw MileageException.emailTaken(email);
                }
                Instant now = clock.instant();
                Customer customer = customers.add(Customer.register(id, name, email, now));
                outbox.publish(MileageEvents.TOPIC, id, EventEnvelope.of(MileageEvents.CUSTOMER_REGISTERED, now, id, null,
                        customer.id(), CustomerRegistered.of(customer)));
                return customer;
            });
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            // The unique e-mail constraint caught a concurrent registration of the same address.
            if (!DatabaseFailures.isLockConflict(e) && transactions.inNewTransaction(() -> customers.emailTaken(email))) {
                throw MileageException.emailTaken(email);
            }
            throw e;
        }
    }

    public Customer get(String id) {
        return customers.find(id).orElseThrow(() -> MileageException.customerNotFound(id));
    }

    public List<MileageEntry> ledger(String customerId, int offset, int limit) {
        return customers.entries(customerId, offset, limit);
    }

    public long ledgerSize(String customerId) {
        return customers.countEntries(customerId);
    }
}
