package com.msaair.mileage.application;

import com.msaair.mileage.domain.Customer;
import com.msaair.mileage.domain.CustomerRepository;
import com.msaair.mileage.domain.Email;
import com.msaair.mileage.domain.MileageEntry;
import com.msaair.mileage.domain.MileageException;
import com.msaair.platform.domain.DomainException;
import com.msaair.platform.tx.DatabaseFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Registering customers and reading their mileage. */
@ApplicationScoped
public class CustomerService {

    @Inject
    CustomerRepository customers;

    @Inject
    CustomerRegistration registration;

    /** Registers a customer (see {@link CustomerRegistration#register}); a registration that lost the race for its address is told so. */
    public Customer register(String id, String name, Email email) {
        try {
            return registration.register(id, name, email);
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            // The unique e-mail constraint caught a concurrent registration of the same address.
            if (!DatabaseFailures.isLockConflict(e) && registration.emailTaken(email)) {
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
