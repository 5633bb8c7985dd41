package com.msaair.mileage.application;

import com.msaair.mileage.domain.MileageException;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.tx.RetryOnLockConflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * What an operator can do with parked reservation events: list them, and retry one once its customer
 * exists — a transaction of its own, run again when the database rolled it back for a lock conflict.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
@RetryOnLockConflict
public class ParkedEventService {

    @Inject
    ParkedEvents parked;

    @Inject
    ReservationEventHandler handler;

    @Inject
    ReservationEventReader reader;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ParkedEvents.Parked> unresolved(int offset, int limit) {
        return parked.unresolved(offset, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countUnresolved() {
        return parked.countUnresolved();
    }

    public ParkedEvents.Parked retry(long id) {
        ParkedEvents.Parked event = parked.find(id).orElseThrow(() -> MileageException.parkedEventNotFound(id));
        if (event.resolvedAt() == null) {
            if (!handler.apply(reader.read(EventEnvelope.fromJson(event.event())))) {
                throw MileageException.stillUnknownCustomer(event.customerId());
            }
            parked.resolve(id, clock.instant());
        }
        return parked.find(id).orElseThrow();
    }
}
