package com.msaair.mileage.application;

import com.msaair.mileage.domain.Customer;
import com.msaair.mileage.domain.CustomerRepository;
import com.msaair.mileage.domain.Email;
import com.msaair.mileage.domain.MileageEvents.CustomerRegistered;
import com.msaair.mileage.domain.MileageException;
import com.msaair.platform.outbox.Outbox;
import com.msaair.platform.tx.RetryOnLockConflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * The transactional steps of registering a customer: each a transaction of its own, run again when the
 * database rolled it back for a lock conflict. {@link CustomerService} tells a registration that lost
 * the race for its address (the unique constraint, at commit) from any other failure.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
@RetryOnLockConflict
public class CustomerRegistration {

    @Inject
    CustomerRepository customers;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** The new customer, stored and announced (CustomerRegistered), or a refusal: already a customer, or the address is taken. */
    public Customer register(String id, String name, Email email) {
        if (customers.find(id).isPresent()) {
            throw MileageException.alreadyACustomer(id);
        }
        if (customers.emailTaken(email)) {
            throw MileageException.emailTaken(email);
        }
        Instant now = clock.instant();
        Customer customer = customers.add(Customer.register(id, name, email, now));
        outbox.publish(CustomerRegistered.of(customer), now);
        return customer;
    }

    public boolean emailTaken(Email email) {
        return customers.emailTaken(email);
    }
}
