package com.msaair.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.domain.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant DEADLINE = NOW.plusSeconds(840);
    private static final Money PRICE = new Money(250_000, "KRW");

    private static Payment open() {
        return Payment.open(1001, "c-1", PRICE, "pm_card_visa", DEADLINE, NOW, NOW);
    }

    @Test
    void aChargeIsKeyedByTheReservationWhoeverAsks() {
        Payment payment = open();
        assertThat(payment.chargeKey()).isEqualTo("charge-1001");
        assertThat(payment.hasTerms("c-1", PRICE, "pm_card_visa", DEADLINE)).isTrue();
        assertThat(payment.hasTerms("c-2", PRICE, "pm_card_visa", DEADLINE)).isFalse();
        assertThat(payment.hasTerms("c-1", new Money(1, "KRW"), "pm_card_visa", DEADLINE)).isFalse();
        assertThat(payment.hasTerms("c-1", PRICE, "pm_card_slow", DEADLINE)).isFalse();
        assertThat(payment.hasTerms("c-1", PRICE, "pm_card_visa", DEADLINE.plusSeconds(3600))).isFalse();
    }

    @Test
    void everyTermThatDiffersIsNamed() {
        Payment payment = open();
        assertThat(payment.differencesFrom("c-1", PRICE, "pm_card_visa", DEADLINE)).isEmpty();
        assertThat(payment.differencesFrom("c-1", new Money(250_000, "USD"), "pm_card_visa", DEADLINE)).containsExactly("currency");
        assertThat(payment.differencesFrom("c-2", new Money(1, "USD"), "pm_card_slow", DEADLINE.plusSeconds(1)))
                .containsExactly("customerId", "amount", "currency", "paymentMethod", "captureBefore");
    }

    @Test
    void aPaymentDisownedBeforeItIsChargedIsVoidedAndACaptureThatLandsAnywayGoesBackInFull() {
        Payment payment = open();
        assertThat(payment.disown(List.of("amount", "customerId"), NOW)).isTrue();
        assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(payment.mismatch()).contains("amount, customerId");
        assertThat(payment.mayCharge(NOW)).as("never charged for the booking").isFalse();
        assertThat(payment.isDue(NOW.plusSeconds(60))).as("nor in the background").isFalse();
        assertThat(payment.owesRefund()).isFalse();
        assertThat(payment.captured("ch_1", NOW)).as("a charge that was in flight").isPresent();
        assertThat(payment.refundOwed()).as("no money kept for a booking with other terms").isEqualTo(PRICE);
        assertThat(payment.disown(List.of("amount"), NOW)).as("disowned once").isFalse();
        assertThat(payment.mismatch()).contains("amount, customerId");
    }

    @Test
    void aCapturedPaymentDisownedIsRefundedInFullWhateverTheBookingsEndSaysLater() {
        Payment payment = open();
        payment.captured("ch_1", NOW);
        payment.disown(List.of("customerId"), NOW);
        assertThat(payment.status()).as("the capture happened").isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment.refundOwed()).isEqualTo(PRICE);
        payment.bookingEnded(new Money(1, "KRW"), NOW);
        assertThat(payment.refundOwed()).as("the other booking's end does not shrink the refund").isEqualTo(PRICE);
        assertThat(payment.refunded(NOW)).hasValueSatisfying(entry -> assertThat(entry.amount()).isEqualTo(PRICE));
        payment.bookingEnded(PRICE, NOW);
        assertThat(payment.owesRefund()).as("refunded once").isFalse();
    }

    @Test
    void aDeclinedPaymentDisownedStaysDeclinedAndOwesNothing() {
        Payment payment = open();
        payment.declined("card_declined", NOW);
        assertThat(payment.disown(List.of("paymentMethod"), NOW)).isTrue();
        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment.owesRefund()).isFalse();
        assertThat(payment.mismatch()).contains("paymentMethod");
    }

    @Test
    void aCaptureIsRecordedOnce() {
        Payment payment = open();
        assertThat(payment.captured("ch_1", NOW)).hasValueSatisfying(entry -> {
            assertThat(entry.kind()).isEqualTo(LedgerEntry.Kind.CAPTURE);
            assertThat(entry.amount()).isEqualTo(PRICE);
        });
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment.captured("ch_1", NOW)).as("the same capture again").isEmpty();
        assertThat(payment.capturedAmount()).isEqualTo(PRICE);
        assertThat(payment.declined("card_declined", NOW)).as("a capture is final").isFalse();
    }

    @Test
    void chargesAreTriedOnlyWhilePendingAndBeforeTheDeadline() {
        Payment payment = open();
        assertThat(payment.mayCharge(DEADLINE.minusMillis(1))).isTrue();
        assertThat(payment.mayCharge(DEADLINE)).isFalse();
        payment.attemptFailed(Duration.ofSeconds(2), NOW);
        assertThat(payment.isDue(NOW.plusSeconds(1))).isFalse();
        assertThat(payment.isDue(NOW.plusSeconds(2))).isTrue();
        assertThat(payment.attempts()).isEqualTo(1);
        payment.declined("insufficient_funds", NOW);
        assertThat(payment.mayCharge(NOW)).isFalse();
        assertThat(payment.isDue(NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void aCancelledBookingIsRefundedByItsRuleNeverMoreThanCapturedAndOnce() {
        Payment payment = open();
        payment.captured("ch_1", NOW);
        payment.bookingEnded(new Money(300_000, "KRW"), NOW);
        assertThat(payment.refundOwed()).as("never more than was captured").isEqualTo(PRICE);
        assertThat(payment.refunded(NOW)).hasValueSatisfying(entry -> assertThat(entry.amount()).isEqualTo(PRICE));
        assertThat(payment.refunded(NOW)).as("refunded once").isEmpty();
        payment.bookingEnded(PRICE, NOW);
        assertThat(payment.owesRefund()).as("a booking ends once").isFalse();
        assertThat(payment.refundedAmount()).isEqualTo(PRICE);
    }

    @Test
    void aPartialRefundByTheFareRule() {
        Payment payment = open();
        payment.captured("ch_1", NOW);
        payment.bookingEnded(new Money(50_000, "KRW"), NOW);
        assertThat(payment.refunded(NOW)).hasValueSatisfying(entry -> assertThat(entry.amount()).isEqualTo(new Money(50_000, "KRW")));
    }

    @Test
    void anUnpaidBookingThatEndsVoidsItsPaymentAndALateCaptureIsOwedBackInFull() {
        Payment payment = open();
        payment.bookingEnded(PRICE, NOW);
        assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(payment.mayCharge(NOW)).isFalse();
        assertThat(payment.owesRefund()).isFalse();
        assertThat(payment.captured("ch_1", NOW)).isPresent();
        assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(payment.refundOwed()).as("no money without a confirmed booking").isEqualTo(PRICE);
    }

    @Test
    void pastTheDeadlineAnUnchargedPaymentIsVoided() {
        Payment payment = open();
        payment.expire(DEADLINE);
        assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(payment.declineReason()).isEqualTo("capture_deadline_passed");
        Payment captured = open();
        captured.captured("ch_1", NOW);
        captured.expire(DEADLINE);
        assertThat(captured.status()).as("a capture stands").isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void aPaymentIsOfSomethingAndDisownedOnlyForTermsThatDiffer() {
        assertThatThrownBy(() -> Payment.open(1001, "c-1", new Money(0, "KRW"), "pm_card_visa", DEADLINE, NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        Payment payment = open();
        assertThatThrownBy(() -> payment.disown(List.of(), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.mismatch()).isEmpty();
    }
}
