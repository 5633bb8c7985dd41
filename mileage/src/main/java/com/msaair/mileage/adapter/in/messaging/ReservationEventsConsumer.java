package com.msaair.mileage.adapter.in.messaging;

import static com.msaair.mileage.application.ReservationEventHandler.RESERVATION_CANCELLED;
import static com.msaair.mileage.application.ReservationEventHandler.RESERVATION_CREATED;
import static com.msaair.mileage.application.ReservationEventHandler.RESERVATION_HELD;
import static com.msaair.mileage.application.ReservationEventHandler.RESERVATION_RELEASED;

import com.msaair.mileage.application.ReservationEventHandler;
import com.msaair.mileage.application.ReservationEventReader;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.inbox.EventConsumer;
import com.msaair.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Bookings accrue miles, cancellations take them back: consumed from reservation-events through the
 * inbox. Miles accrue on confirmation only (ReservationCreated): a hold, and its release unpaid, earn
 * nothing.
 */
@ApplicationScoped
@EventConsumer(channel = "reservation-events", handles = {RESERVATION_CREATED, RESERVATION_CANCELLED},
        ignores = {RESERVATION_HELD, RESERVATION_RELEASED})
public class ReservationEventsConsumer implements EventHandler {

    @Inject
    ReservationEventReader reader;

    @Inject
    ReservationEventHandler handler;

    @Override
    public void handle(EventEnvelope event) {
        handler.applyOrPark(reader.read(event));
    }
}
