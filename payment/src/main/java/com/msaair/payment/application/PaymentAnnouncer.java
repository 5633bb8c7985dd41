package com.msaair.payment.application;

import com.msaair.payment.domain.LedgerEntry;
import com.msaair.payment.domain.Payment;
import com.msaair.payment.domain.PaymentEvents;
import com.msaair.payment.domain.PaymentEvents.PaymentCaptured;
import com.msaair.payment.domain.PaymentEvents.PaymentDeclined;
import com.msaair.payment.domain.PaymentEvents.PaymentRefunded;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Writes payment events to the outbox, in the caller's transaction; the reservation id is their correlation id. */
@ApplicationScoped
public class PaymentAnnouncer {

    @Inject
    Outbox outbox;

    void captured(Payment payment, Instant at) {
        publish(PaymentEvents.PAYMENT_CAPTURED, payment, PaymentCaptured.of(payment, at), at);
    }

    void declined(Payment payment, Instant at) {
        publish(PaymentEvents.PAYMENT_DECLINED, payment, PaymentDeclined.of(payment, at), at);
    }

    void refunded(Payment payment, LedgerEntry refund) {
        publish(PaymentEvents.PAYMENT_REFUNDED, payment, PaymentRefunded.of(payment, refund), refund.recordedAt());
    }

    private void publish(String type, Payment payment, Object data, Instant at) {
        outbox.publish(PaymentEvents.TOPIC, payment.customerId(),
                EventEnvelope.of(type, at, String.valueOf(payment.reservationId()), null, payment.customerId(), data));
    }
}
