package com.msaair.notification.adapter.in.messaging;

import com.msaair.notification.application.NotificationService;
import com.msaair.notification.domain.Messages;
import com.msaair.platform.domain.Money;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.inbox.EventConsumer;
import com.msaair.platform.inbox.EventHandler;
import com.msaair.platform.security.CustomerIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A refund is told; a capture or a decline is told by the booking's own event (confirmed with the amount, or released): ignored. */
@ApplicationScoped
@EventConsumer(channel = "payment-events", handles = "PaymentRefunded", ignores = {"PaymentCaptured", "PaymentDeclined"})
public class PaymentEventsConsumer implements EventHandler {

    @Inject
    NotificationService notifications;

    @Override
    public void handle(EventEnvelope event) {
        // The inbox hands it PaymentRefunded only: the one type it handles.
        PaymentRefunded refunded = PaymentRefunded.read(event);
        notifications.notify(event, refunded.customerId(), Messages.refunded(refunded.reservationId(), refunded.amount()));
    }

    record PaymentRefunded(String customerId, long reservationId, Money amount) {

        static PaymentRefunded read(EventEnvelope event) {
            return event.readData(data -> new PaymentRefunded(data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED),
                    data.requiredLong("reservationId", 1, Long.MAX_VALUE), data.requiredMoney("amount", 0)));
        }
    }
}
