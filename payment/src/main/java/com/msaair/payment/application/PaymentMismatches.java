package com.msaair.payment.application;

import com.msaair.payment.domain.Payment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Tells operators about a payment disowned by its booking ({@code msaair_payment_mismatches_total} and a
 * WARNING line): with only reservation able to open payments, one means a payment left from before
 * (or a reservation database reset behind payment's back) and deserves a look, not just the refund.
 */
@ApplicationScoped
public class PaymentMismatches {

    private static final Logger LOG = Logger.getLogger(PaymentMismatches.class.getName());
    static final String NAME = "msaair_payment_mismatches";

    @Inject
    MetricRegistry registry;

    private volatile Counter counter;

    void disowned(Payment payment, PayReservation booking) {
        LOG.warning(() -> "Payment " + payment.id() + " of reservation " + payment.reservationId() + " differs from its booking in "
                + payment.mismatch().orElse("?") + " (payment: " + describe(payment.amount().amount(), payment.amount().currency(),
                payment.customerId(), payment.paymentMethod()) + "; booking: " + describe(booking.amount().amount(), booking.amount().currency(),
                booking.customerId(), booking.paymentMethod()) + "): it is not the booking's payment; voided if unpaid, refunded in full if captured");
        counter().inc();
    }

    private static String describe(long amount, String currency, String customerId, String paymentMethod) {
        return amount + " " + currency + " of customer " + customerId + " by " + paymentMethod;
    }

    private Counter counter() {
        if (counter == null) {
            counter = registry.counter(Metadata.builder().withName(NAME)
                    .withDescription("Payments whose booking turned out to have other terms: voided, or refunded in full").build());
        }
        return counter;
    }
}
