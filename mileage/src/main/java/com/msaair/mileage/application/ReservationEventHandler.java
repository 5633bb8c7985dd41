package com.msaair.mileage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Applies a reservation event. The Kafka consumer parks an event whose customer is unknown; an
 * operator's retry of a parked event uses the same path.
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
    public void applyOrPark(ReservationEvent event) {
        if (!apply(event)) {
            parked.park(event.envelope(), event.customerId(), event.reservationId(),
                    "customer " + event.customerId() + " is not registered", clock.instant());
        }
    }

    /** @return false when the event's customer is (still) unknown; nothing changed then */
    public boolean apply(ReservationEvent event) {
        return switch (event.change()) {
            case ACCRUE -> mileage.reservationCreated(event.envelope(), event.customerId(), event.reservationId(), event.miles());
            case REVERSE -> mileage.reservationCancelled(event.envelope(), event.customerId(), event.reservationId());
        };
    }
}
