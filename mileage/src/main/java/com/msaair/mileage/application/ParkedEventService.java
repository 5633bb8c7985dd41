package com.msaair.mileage.application;

import com.msaair.mileage.domain.MileageException;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.tx.RetryOnLockConflict;
import com.msaair.platform.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** What an operator can do with parked reservation events: list them, and retry one once its customer exists. */
@ApplicationScoped
public class ParkedEventService {

    @Inject
    ParkedEvents parked;

    @Inject
    ReservationEventHandler handler;

    @Inject
    ReservationEventReader reader;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    public List<ParkedEvents.Parked> unresolved(int offset, int limit) {
        return parked.unresolved(offset, limit);
    }

    public long countUnresolved() {
        return parked.countUnresolved();
    }

    @RetryOnLockConflict
    public ParkedEvents.Parked retry(long id) {
        return transactions.inNewTransaction(() -> {
            ParkedEvents.Parked event = parked.find(id).orElseThrow(() -> MileageException.parkedEventNotFound(id));
            if (event.resolvedAt() == null) {
                if (!handler.apply(reader.read(EventEnvelope.fromJson(event.event())))) {
                    throw MileageException.stillUnknownCustomer(event.customerId());
                }
                parked.resolve(id, clock.instant());
            }
            return parked.find(id).orElseThrow();
        });
    }
}
