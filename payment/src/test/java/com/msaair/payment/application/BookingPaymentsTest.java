package com.msaair.payment.application;

import static com.msaair.payment.application.PaymentUseCases.BOOKING;
import static com.msaair.payment.application.PaymentUseCases.NOW;
import static com.msaair.payment.application.PaymentUseCases.RESERVATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.payment.domain.Payment;
import com.msaair.payment.domain.PaymentStatus;
import com.msaair.platform.domain.Money;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bookings as payment follows them: a held booking opens its payment with its own terms (or
 * disowns one left with other terms), and a booking that ended voids its payment or makes it owe the
 * refund its end gives.
 */
class BookingPaymentsTest {

    private static final Money PRICE = new Money(125_000, "KRW");
    private static final PayReservation HELD = new PayReservation(RESERVATION, "c-b", PRICE, "pm_card_visa", NOW.plusSeconds(840));

    private final PaymentUseCases app = new PaymentUseCases();

    @Test
    void aHeldBookingOpensItsPaymentWithItsOwnTerms() {
        app.bookings.held(HELD, NOW);
        Payment payment = app.payment();
        assertThat(payment.hasTerms("c-b", PRICE, "pm_card_visa", HELD.captureBefore())).isTrue();
        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(app.disowned).isEmpty();
    }

    @Test
    void theBackgroundWaitsOutTheGraceAfterTheHoldNotAfterTheEventsArrival() {
        app.clock.advance(Duration.ofSeconds(4));
        app.bookings.held(HELD, NOW);
        app.clock.advance(Duration.ofMillis(5_999));
        assertThat(app.settlement.dueForCharge(10)).isEmpty();
        app.clock.advance(Duration.ofMillis(1));
        assertThat(app.settlement.dueForCharge(10)).as("10 s after the hold").containsExactly(RESERVATION);

        PaymentUseCases late = new PaymentUseCases();
        late.clock.advance(Duration.ofMinutes(3));
        late.bookings.held(new PayReservation(82, "c-b", PRICE, "pm_card_visa", NOW.plusSeconds(840)), NOW);
        assertThat(late.settlement.dueForCharge(10)).as("an event that arrives late is due at once").containsExactly(82L);
    }

    @Test
    void aPaymentLeftWithOtherTermsIsNeverChargedForTheBookingAndIsReportedOnce() {
        app.payments.addIfAbsent(Payment.open(RESERVATION, "c-a", new Money(1, "KRW"), "pm_card_slow", NOW.plusSeconds(3600), NOW, NOW));
        app.bookings.held(HELD, NOW);
        app.bookings.held(HELD, NOW); // redelivered
        Payment payment = app.payment();
        assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(payment.mayCharge(NOW)).isFalse();
        assertThat(app.disowned).containsExactly("81: customerId, amount, paymentMethod, captureBefore");
    }

    @Test
    void aPaymentCapturedWithOtherTermsIsRefundedInFull() {
        Payment other = app.payments.addIfAbsent(Payment.open(RESERVATION, "c-b", new Money(125_000, "USD"), "pm_card_visa", HELD.captureBefore(),
                NOW, NOW));
        other.captured("ch_1", NOW);
        app.bookings.held(HELD, NOW);
        assertThat(other.refundOwed()).isEqualTo(new Money(125_000, "USD"));
        assertThat(app.disowned).containsExactly("81: currency");
    }

    @Test
    void aBookingReleasedBeforeItsChargeVoidsItsPaymentAndOwesNothing() {
        app.bookings.held(BOOKING, NOW);

        app.bookings.ended(RESERVATION, BOOKING.amount());

        assertThat(app.payment().status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(app.payment().owesRefund()).isFalse();
        assertThat(app.settlement.dueForCharge(10)).isEmpty();
    }

    @Test
    void aBookingWithoutAPaymentHereEndsWithoutOne() {
        app.bookings.ended(RESERVATION, PRICE);

        assertThat(app.payments.ofReservation(RESERVATION)).isEmpty();
        assertThat(app.settlement.owingRefunds(10)).isEqualTo(List.of());
    }
}
