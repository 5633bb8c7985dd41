package com.msaair.payment.adapter.in.rest;

import com.msaair.payment.domain.Payment;
import com.msaair.platform.domain.Money;
import java.time.Instant;

/**
 * A payment as the API shows it: what it is for, where it stands, what was captured and refunded, and —
 * when its booking turned out to have other terms — which ones differed ({@code mismatch}: it is not the
 * booking's payment, and is voided or refunded in full).
 */
public record PaymentView(long id, long reservationId, String customerId, Money amount, String paymentMethod, String status,
        String declineReason, String mismatch, Money captured, Money refunded, Instant createdAt, Instant updatedAt) {

    static PaymentView of(Payment p) {
        return new PaymentView(p.id(), p.reservationId(), p.customerId(), p.amount(), p.paymentMethod(), p.status().name(),
                p.declineReason(), p.mismatch().orElse(null), p.capturedAmount(), p.refundedAmount(), p.createdAt(), p.updatedAt());
    }
}
