package com.msaair.mileage.adapter.in.messaging;

import static com.msaair.mileage.application.ReservationEventHandler.RESERVATION_CANCELLED;
import static com.msaair.mileage.application.ReservationEventHandler.RESERVATION_CREATED;
import static com.msaair.mileage.application.ReservationEventHandler.RESERVATION_HELD;
import static com.msaair.mileage.application.ReservationEventHandler.RESERVATION_RELEASED;

import com.msaair.mileage.application.ReservationEventHandler;
import com.msaair.mileage.application.ReservationEventReader;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.inbox.EventTypes;
import com.msaair.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Bookings accrue miles, cancellations take them back: consumed from reservation-events through the
 * inbox. Miles accrue on confirmation only (ReservationCreated): a hold, and its release unpaid, earn
 * nothing.
 */
@ApplicationScoped
public class ReservationEventsConsumer {

    static final String CHANNEL = "reservation-events";
    public static final EventTypes TYPES = EventTypes.handling(RESERVATION_CREATED, RESERVATION_CANCELLED)
            .ignoring(RESERVATION_HELD, RESERVATION_RELEASED);

    @Inject
    Inbox inbox;

    @Inject
    ReservationEventReader reader;

    @Inject
    ReservationEventHandler handler;

    void consume(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        inbox.consume(CHANNEL, TYPES, this::onReservationEvent);
    }

    void onReservationEvent(EventEnvelope event) {
        handler.applyOrPark(reader.read(event));
    }
}
