package com.msaair.payment.application;

import static com.msaair.payment.application.PaymentUseCases.NOW;
import static com.msaair.payment.application.PaymentUseCases.PRICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.payment.domain.ChargeOutcome;
import com.msaair.payment.domain.PaymentStatus;
import com.msaair.payment.domain.ProcessorUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A round of the background: every payment due is tried, each on its own, and every refund owed is made. */
class PaymentWorkerTest {

    private final PaymentUseCases app = new PaymentUseCases();

    private static PayReservation booking(long reservationId, String paymentMethod) {
        return new PayReservation(reservationId, "c-" + reservationId, PRICE, paymentMethod, NOW.plusSeconds(840));
    }

    @Test
    void aRoundChargesWhatIsDueEachOnItsOwnAndMakesTheRefundsOwed() {
        app.processor.answer = method -> switch (method) {
            case "pm_card_error" -> throw new ProcessorUnavailableException("processor_error");
            case "pm_card_declined" -> new ChargeOutcome.Declined("card_declined");
            default -> new ChargeOutcome.Approved("ch_" + method);
        };
        app.bookings.held(booking(1, "pm_card_error"), NOW);
        app.bookings.held(booking(2, "pm_card_declined"), NOW);
        app.bookings.held(booking(3, "pm_card_visa"), NOW);
        app.service.pay(booking(4, "pm_card_visa"));
        app.bookings.ended(4, PRICE);
        app.clock.advance(Duration.ofSeconds(10));

        assertThat(app.worker.round(() -> true)).as("work found").isTrue();

        assertThat(app.payments.ofReservation(1).orElseThrow().status()).as("tried again later").isEqualTo(PaymentStatus.PENDING);
        assertThat(app.payments.ofReservation(1).orElseThrow().attempts()).isEqualTo(1);
        assertThat(app.payments.ofReservation(2).orElseThrow().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(app.payments.ofReservation(3).orElseThrow().status()).as("not held up by the failures before it")
                .isEqualTo(PaymentStatus.CAPTURED);
        assertThat(app.processor.refunds).containsOnlyKeys("refund-4");
        assertThat(app.payments.ofReservation(4).orElseThrow().refundedAmount()).isEqualTo(PRICE);
        assertThat(app.worker.round(() -> true)).as("only the failed charge is left, due later: nothing to do now").isFalse();
    }

    @Test
    void aRoundStopsWhenItMayNotGoOn() {
        app.bookings.held(booking(1, "pm_card_visa"), NOW);
        app.clock.advance(Duration.ofSeconds(10));

        app.worker.round(() -> false);

        assertThat(app.processor.asked).isEmpty();
        assertThat(app.payments.ofReservation(1).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
    }
}
