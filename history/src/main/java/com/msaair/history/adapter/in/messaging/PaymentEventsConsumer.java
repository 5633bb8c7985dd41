package com.msaair.history.adapter.in.messaging;

import com.msaair.history.application.HistoryService;
import com.msaair.history.domain.EntryKind;
import com.msaair.platform.domain.Money;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.inbox.EventConsumer;
import com.msaair.platform.inbox.EventHandler;
import com.msaair.platform.security.CustomerIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Refunds join the timeline with their amount; a capture and a decline are there already as BOOKED and PAYMENT_FAILED (ignored). */
@ApplicationScoped
@EventConsumer(channel = "payment-events", handles = "PaymentRefunded", ignores = {"PaymentCaptured", "PaymentDeclined"})
public class PaymentEventsConsumer implements EventHandler {

    @Inject
    HistoryService history;

    @Override
    public void handle(EventEnvelope event) {
        // The inbox hands it PaymentRefunded only: the one type it handles.
        PaymentRefunded refunded = PaymentRefunded.read(event);
        history.record(TimelineEntries.of(event, refunded.customerId(), EntryKind.REFUNDED).reservation(refunded.reservationId())
                .amount(refunded.amount().amount(), refunded.amount().currency()).build());
    }

    record PaymentRefunded(String customerId, long reservationId, Money amount) {

        static PaymentRefunded read(EventEnvelope event) {
            return event.readData(data -> new PaymentRefunded(data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED),
                    data.requiredLong("reservationId", 1, Long.MAX_VALUE), data.requiredMoney("amount", 0)));
        }
    }
}
