package com.msaair.mileage.adapter.in.messaging;

import com.msaair.mileage.application.ReservationEventHandler;
import com.msaair.mileage.application.ReservationEventReader;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Subscriber;

/** Bookings accrue miles, cancellations take them back: consumed from reservation-events through the inbox. */
@ApplicationScoped
public class ReservationEventsConsumer {

    static final String CHANNEL = "reservation-events";

    @Inject
    Inbox inbox;

    @Inject
    ReservationEventReader reader;

    @Inject
    ReservationEventHandler handler;

    @Incoming(CHANNEL)
    public Subscriber<Message<byte[]>> reservationEvents() {
        return inbox.subscriber(CHANNEL, this::onReservationEvent);
    }

    void onReservationEvent(EventEnvelope event) {
        reader.read(event).ifPresent(handler::applyOrPark);
    }
}
