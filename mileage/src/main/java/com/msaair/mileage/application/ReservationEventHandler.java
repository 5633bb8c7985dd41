package com.msaair.mileage.application;

import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.json.JsonFields;
import com.msaair.platform.security.CustomerIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Reads a reservation event (only the fields mileage needs) and applies it. The Kafka consumer parks
 * an event whose customer is unknown; an operator's retry of a parked event uses the same path.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReservationEventHandler {

    public static final String RESERVATION_CREATED = "ReservationCreated";
    public static final String RESERVATION_CANCELLED = "ReservationCancelled";
    /** Known and ignored by the consumer: miles accrue on confirmation only; a hold, and its release unpaid, earn nothing. */
    public static final String RESERVATION_HELD = "ReservationHeld";
    public static final String RESERVATION_RELEASED = "ReservationReleased";

    @Inject
    MileageService mileage;

    @Inject
    ParkedEvents parked;

    @Inject
    Clock clock;

    /**
     * From Kafka: applies the event, or parks it when its customer is unknown (a booking accepted
     * unverified while mileage was down, for someone who has not become a customer yet); an
     * operator's retry applies it once they have. A customer id is the identity provider's subject,
     * never reassigned: whoever registers with it later is the person the booking was made for.
     */
    public void applyOrPark(EventEnvelope event) {
        ReservationEvent read = read(event);
        if (!apply(read, event)) {
            parked.park(event, read.customerId(), read.reservationId(),
                    "customer " + read.customerId() + " is not registered", clock.instant());
        }
    }

    /** @return false when the event's customer is (still) unknown; nothing changed then */
    public boolean apply(EventEnvelope event) {
        return apply(read(event), event);
    }

    private boolean apply(ReservationEvent read, EventEnvelope event) {
        return switch (event.eventType()) {
            case RESERVATION_CREATED -> mileage.reservationCreated(event, read.customerId(), read.reservationId(), read.miles());
            case RESERVATION_CANCELLED -> mileage.reservationCancelled(event, read.customerId(), read.reservationId());
            default -> throw new MalformedEventException("unknown event type " + event.eventType() + " on reservation-events");
        };
    }

    private record ReservationEvent(String customerId, long reservationId, long miles) {}

    private static ReservationEvent read(EventEnvelope event) {
        JsonFields data = JsonFields.tolerant(event.data());
        long reservationId = data.requiredLong("reservationId", 1, Long.MAX_VALUE);
        String customerId = data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED);
        long miles = RESERVATION_CREATED.equals(event.eventType()) ? data.requiredLong("miles", 1, Integer.MAX_VALUE) : 0;
        data.validOrThrow(MalformedEventException::new);
        return new ReservationEvent(customerId, reservationId, miles);
    }
}
