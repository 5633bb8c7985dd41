package com.msaair.payment.adapter.in.rest;

import com.msaair.payment.domain.Payment;
import com.msaair.platform.domain.Money;
import java.time.Instant;

/** A payment as the API shows it: what it is for, where it stands, what was captured and refunded. */
public record PaymentView(long id, long reservationId, String customerId, Money amount, String paymentMethod, String status,
        String declineReason, Money captured, Money refunded, Instant createdAt, Instant updatedAt) {

    static PaymentView of(Payment p) {
        return new PaymentView(p.id(), p.reservationId(), p.customerId(), p.amount(), p.paymentMethod(), p.status().name(),
                p.declineReason(), p.capturedAmount(), p.refundedAmount(), p.createdAt(), p.updatedAt());
    }
}
