package com.msaair.notification.adapter.in.messaging;

import com.msaair.notification.application.NotificationService;
import com.msaair.notification.domain.Messages;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.inbox.EventConsumer;
import com.msaair.platform.inbox.EventHandler;
import com.msaair.platform.security.CustomerIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Every mileage change is told with the balance after; CustomerRegistered tells how to reach the customer. */
@ApplicationScoped
@EventConsumer(channel = "mileage-events", handles = {"MileageIncreased", "MileageDecreased", "CustomerRegistered"})
public class MileageEventsConsumer implements EventHandler {

    @Inject
    NotificationService notifications;

    @Override
    public void handle(EventEnvelope event) {
        switch (event.eventType()) {
            case "MileageIncreased", "MileageDecreased" -> {
                MileageChanged changed = MileageChanged.read(event);
                notifications.notify(event, changed.customerId(), event.eventType().equals("MileageIncreased")
                        ? Messages.milesAdded(changed.miles(), changed.balance())
                        : Messages.milesRemoved(changed.miles(), changed.balance()));
            }
            case "CustomerRegistered" -> {
                CustomerRegistered registered = CustomerRegistered.read(event);
                notifications.contactRegistered(registered.customerId(), registered.name(), registered.email());
            }
            default -> throw MalformedEventException.unknownType(event.eventType());
        }
    }

    /** A MileageIncreased or MileageDecreased: {@code miles} added or removed, and the balance after. */
    record MileageChanged(String customerId, long miles, long balance) {

        static MileageChanged read(EventEnvelope event) {
            return event.readData(data -> new MileageChanged(data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED),
                    data.requiredLong("miles", 0, Long.MAX_VALUE), data.requiredLong("balance", Long.MIN_VALUE, Long.MAX_VALUE)));
        }
    }

    record CustomerRegistered(String customerId, String name, String email) {

        static CustomerRegistered read(EventEnvelope event) {
            return event.readData(data -> new CustomerRegistered(data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED),
                    data.requiredString("name", 100), data.requiredString("email", 254)));
        }
    }
}
