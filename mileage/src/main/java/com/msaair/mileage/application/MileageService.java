package com.msaair.mileage.application;

import com.msaair.mileage.domain.Customer;
import com.msaair.mileage.domain.CustomerRepository;
import com.msaair.mileage.domain.MileageEntry;
import com.msaair.mileage.domain.MileageEvents;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies bookings and cancellations to balances. Runs in the consumer's transaction, which also
 * records the reservation event as handled; the mileage event it causes goes to the outbox in the
 * same transaction, so a balance change and its announcement are never separated.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MileageService {

    @Inject
    CustomerRepository customers;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** @return false when the customer is unknown (nothing changed) */
    public boolean reservationCreated(EventEnvelope event, String customerId, long reservationId, long miles) {
        Instant now = clock.instant();
        Optional<Customer> customer = customers.findForUpdate(customerId);
        if (customer.isEmpty()) {
            return false;
        }
        customer.get().accrue(reservationId, miles, customers.ledgerOf(customerId, reservationId), event.eventId(), now)
                .ifPresent(entry -> record(entry, event, now));
        return true;
    }

    /** @return false when the customer is unknown (nothing changed) */
    public boolean reservationCancelled(EventEnvelope event, String customerId, long reservationId) {
        Instant now = clock.instant();
        Optional<Customer> customer = customers.findForUpdate(customerId);
        if (customer.isEmpty()) {
            return false;
        }
        customer.get().reverse(reservationId, customers.ledgerOf(customerId, reservationId), event.eventId(), now)
                .ifPresent(entry -> record(entry, event, now));
        return true;
    }

    private void record(MileageEntry entry, EventEnvelope cause, Instant now) {
        customers.addEntry(entry);
        if (entry.miles() != 0) {
            outbox.publish(MileageEvents.changed(entry), now, cause.eventId());
        }
    }
}
