package com.msaair.payment.application;

import static com.msaair.payment.application.PaymentUseCases.BOOKING;
import static com.msaair.payment.application.PaymentUseCases.CUSTOMER;
import static com.msaair.payment.application.PaymentUseCases.NOW;
import static com.msaair.payment.application.PaymentUseCases.PRICE;
import static com.msaair.payment.application.PaymentUseCases.RESERVATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.payment.domain.ChargeOutcome;
import com.msaair.payment.domain.LedgerEntry;
import com.msaair.payment.domain.Payment;
import com.msaair.payment.domain.PaymentEvents;
import com.msaair.payment.domain.PaymentException;
import com.msaair.payment.domain.PaymentStatus;
import com.msaair.payment.domain.ProcessorUnavailableException;
import com.msaair.platform.domain.DomainException.Kind;
import com.msaair.platform.domain.Money;
import com.msaair.platform.testing.RecordingOutbox.Published;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Paying for a booking: its own charge (captured, declined, an unknown method, no answer, other
 * terms, too late), the background's retries up to the capture deadline, and the refund a booking's
 * end makes owed — with the payments, the ledger, the outbox and the card processor in memory.
 */
class PaymentServiceTest {

    private final PaymentUseCases app = new PaymentUseCases();

    private void refused(PayReservation request, String code, Kind kind) {
        assertThatThrownBy(() -> app.service.pay(request)).isInstanceOfSatisfying(PaymentException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.kind()).isEqualTo(kind);
        });
    }

    private static PayReservation by(String paymentMethod) {
        return new PayReservation(RESERVATION, CUSTOMER, PRICE, paymentMethod, BOOKING.captureBefore());
    }

    @Test
    void anApprovedChargeIsCapturedOnceRecordedInTheLedgerAndAnnounced() {
        Payment paid = app.service.pay(BOOKING);

        assertThat(paid.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(paid.capturedAmount()).isEqualTo(PRICE);
        assertThat(paid.chargeReference()).isEqualTo("ch_1");
        assertThat(app.processor.asked).as("keyed by the reservation").containsExactly("charge-81");
        assertThat(app.payments.ledger).singleElement().satisfies(capture -> {
            assertThat(capture.kind()).isEqualTo(LedgerEntry.Kind.CAPTURE);
            assertThat(capture.amount()).isEqualTo(PRICE);
            assertThat(capture.reservationId()).isEqualTo(RESERVATION);
            assertThat(capture.paymentId()).isEqualTo(paid.id());
            assertThat(capture.customerId()).isEqualTo(CUSTOMER);
            assertThat(capture.recordedAt()).isEqualTo(NOW);
        });
        assertThat(app.outbox.published()).singleElement().satisfies(captured -> {
            assertThat(captured.topic()).isEqualTo(PaymentEvents.TOPIC);
            assertThat(captured.type()).isEqualTo(PaymentEvents.PAYMENT_CAPTURED);
            assertThat(captured.key()).as("a customer's events stay in order").isEqualTo(CUSTOMER);
            assertThat(captured.event().correlationId()).as("the booking's flow").isEqualTo("81");
            assertThat(captured.event().data().getJsonObject("amount").getJsonNumber("amount").longValue()).isEqualTo(250_000);
            assertThat(captured.event().data().getString("customerId")).as("what reservation checks the capture by").isEqualTo(CUSTOMER);
        });

        Payment again = app.service.pay(BOOKING);

        assertThat(again.id()).isEqualTo(paid.id());
        assertThat(app.processor.asked).as("a retried call is answered, not charged").hasSize(1);
        assertThat(app.payments.ledger).hasSize(1);
        assertThat(app.outbox.published()).hasSize(1);
    }

    @Test
    void aDeclinedChargeIsRefusedWithTheProcessorsReasonAndAnnouncedOnce() {
        app.processor.answer = method -> new ChargeOutcome.Declined("insufficient_funds");

        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> app.service.pay(BOOKING)).isInstanceOfSatisfying(PaymentException.class, e -> {
                assertThat(e.code()).isEqualTo("payment-declined");
                assertThat(e.kind()).isEqualTo(Kind.PAYMENT_REQUIRED);
                assertThat(e.getMessage()).isEqualTo("insufficient_funds");
            });
        }
        assertThat(app.payment().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(app.processor.asked).hasSize(1);
        assertThat(app.payments.ledger).as("no money moved").isEmpty();
        assertThat(app.outbox.published()).singleElement().satisfies(declined -> {
            assertThat(declined.type()).isEqualTo(PaymentEvents.PAYMENT_DECLINED);
            assertThat(declined.event().data().getString("reason")).isEqualTo("insufficient_funds");
        });
    }

    @Test
    void aPaymentMethodTheProcessorDoesNotKnowIsABadRequest() {
        app.processor.answer = method -> new ChargeOutcome.Declined(ChargeOutcome.Declined.UNKNOWN_PAYMENT_METHOD);

        refused(by("pm_nobody_knows"), "unknown-payment-method", Kind.UNPROCESSABLE);
        assertThat(app.payment().status()).isEqualTo(PaymentStatus.DECLINED);
    }

    @Test
    void aChargeWithoutAnAnswerIsTriedAgainByTheBackgroundAfterABackoff() {
        app.processor.answer = method -> {
            throw new ProcessorUnavailableException("processor_error");
        };

        refused(BOOKING, "processor-unavailable", Kind.UNAVAILABLE);
        assertThat(app.payment().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(app.payment().attempts()).isEqualTo(1);
        assertThat(app.outbox.published()).isEmpty();

        app.clock.advance(Duration.ofMillis(999));
        app.service.chargeDue(RESERVATION);
        assertThat(app.processor.asked).as("not before the first retry delay").hasSize(1);

        app.clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(() -> app.service.chargeDue(RESERVATION)).isInstanceOf(PaymentException.class);
        assertThat(app.payment().attempts()).isEqualTo(2);
        app.clock.advance(Duration.ofMillis(1_999));
        assertThat(app.settlement.dueForCharge(10)).as("the second wait is twice the first").isEmpty();
        app.clock.advance(Duration.ofMillis(1));
        assertThat(app.settlement.dueForCharge(10)).containsExactly(RESERVATION);

        app.processor.answer = method -> new ChargeOutcome.Approved("ch_2");
        app.service.chargeDue(RESERVATION);

        assertThat(app.payment().status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(app.payment().chargeReference()).isEqualTo("ch_2");
        assertThat(app.processor.asked).containsExactly("charge-81", "charge-81", "charge-81");
        assertThat(app.outbox.types()).containsExactly(PaymentEvents.PAYMENT_CAPTURED);
    }

    @Test
    void aRequestWithOtherTermsThanTheReservationsPaymentIsAConflictAndChargesNothing() {
        app.bookings.held(BOOKING, NOW);

        refused(new PayReservation(RESERVATION, CUSTOMER, new Money(1, "KRW"), "pm_card_visa", BOOKING.captureBefore()), "payment-mismatch",
                Kind.CONFLICT);
        refused(new PayReservation(RESERVATION, "c-2", PRICE, "pm_card_visa", BOOKING.captureBefore()), "payment-mismatch", Kind.CONFLICT);
        refused(by("pm_card_other"), "payment-mismatch", Kind.CONFLICT);
        assertThat(app.processor.asked).isEmpty();
        assertThat(app.payment().status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void noChargeIsMadeFromTheCaptureDeadlineOn() {
        app.clock.advance(Duration.between(NOW, BOOKING.captureBefore()));

        refused(BOOKING, "payment-voided", Kind.CONFLICT);
        assertThat(app.processor.asked).isEmpty();
    }

    @Test
    void aBookingThatEndedBeforeItsChargeIsNotCharged() {
        app.bookings.held(BOOKING, NOW);
        app.bookings.ended(RESERVATION, PRICE);

        refused(BOOKING, "payment-voided", Kind.CONFLICT);
        assertThat(app.payment().status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(app.processor.asked).isEmpty();
        assertThat(app.payment().owesRefund()).isFalse();
    }

    @Test
    void aPaymentOpenedMeanwhileByTheBookingsEventIsTheOneCharged() {
        app.payments.beforeInsert = () -> {
            app.payments.beforeInsert = () -> {};
            app.bookings.held(BOOKING, NOW);
        };

        assertThat(app.service.pay(BOOKING).status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(app.service.countOfCustomer(CUSTOMER)).isEqualTo(1);
        assertThat(app.processor.asked).hasSize(1);
    }

    @Test
    void aPaymentThatCouldNotBeOpenedForAnotherReasonIsTheCallsFailure() {
        app.payments.beforeInsert = () -> {
            throw new IllegalStateException("the database went away");
        };

        assertThatThrownBy(() -> app.service.pay(BOOKING)).hasMessage("the database went away");
        assertThat(app.processor.asked).isEmpty();
    }

    @Test
    void theBackgroundLeavesAPaymentAloneWhileItsBookingChargesItThenChargesIt() {
        app.bookings.held(BOOKING, NOW);
        app.clock.advance(Duration.ofMillis(9_999));
        app.service.chargeDue(RESERVATION);
        assertThat(app.processor.asked).isEmpty();

        app.clock.advance(Duration.ofMillis(1));
        app.service.chargeDue(RESERVATION);

        assertThat(app.payment().status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(app.outbox.types()).containsExactly(PaymentEvents.PAYMENT_CAPTURED);
    }

    /** A crash or a timeout between the processor's charge and its record loses nothing: past the deadline the processor is asked. */
    @Test
    void pastTheDeadlineTheProcessorIsAskedWhetherTheChargeWasMade() {
        app.processor.answerLost = true;
        refused(BOOKING, "processor-unavailable", Kind.UNAVAILABLE);
        app.clock.advance(Duration.between(NOW, BOOKING.captureBefore()));

        app.service.chargeDue(RESERVATION);

        assertThat(app.processor.asked).as("asked, not charged again").hasSize(1);
        assertThat(app.payment().status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(app.outbox.types()).containsExactly(PaymentEvents.PAYMENT_CAPTURED);
    }

    @Test
    void pastTheDeadlineAChargeNeverMadeIsVoidedQuietly() {
        app.processor.answer = method -> {
            throw new ProcessorUnavailableException("processor_error");
        };
        refused(BOOKING, "processor-unavailable", Kind.UNAVAILABLE);
        app.clock.advance(Duration.between(NOW, BOOKING.captureBefore()));

        app.service.chargeDue(RESERVATION);

        assertThat(app.payment().status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(app.payment().declineReason()).isEqualTo("capture_deadline_passed");
        assertThat(app.processor.asked).hasSize(1);
        assertThat(app.outbox.published()).as("the booking's hold runs out on its own").isEmpty();
        assertThat(app.settlement.dueForCharge(10)).isEmpty();
    }

    @Test
    void aCancelledBookingsRefundIsMadeOnceByTheFareRule() {
        Payment paid = app.service.pay(BOOKING);
        app.bookings.ended(RESERVATION, new Money(200_000, "KRW"));
        app.bookings.ended(RESERVATION, PRICE);

        assertThat(app.settlement.owingRefunds(10)).containsExactly(RESERVATION);
        app.service.refundOwed(RESERVATION);
        app.service.refundOwed(RESERVATION);

        assertThat(app.processor.refunds).as("the first ending counts").containsExactly(java.util.Map.entry("refund-81", "ch_1 200000 KRW"));
        assertThat(paid.refundedAmount()).isEqualTo(new Money(200_000, "KRW"));
        assertThat(paid.owesRefund()).isFalse();
        assertThat(app.payments.ledger).extracting(LedgerEntry::kind).containsExactly(LedgerEntry.Kind.CAPTURE, LedgerEntry.Kind.REFUND);
        assertThat(app.payments.ledger.get(1).amount()).isEqualTo(new Money(200_000, "KRW"));
        Published refunded = app.outbox.published().get(1);
        assertThat(refunded.type()).isEqualTo(PaymentEvents.PAYMENT_REFUNDED);
        assertThat(refunded.event().data().getJsonObject("amount").getJsonNumber("amount").longValue()).isEqualTo(200_000);
        assertThat(app.outbox.published()).hasSize(2);
        assertThat(app.settlement.owingRefunds(10)).isEmpty();
    }

    @Test
    void aCaptureThatLandsAfterItsBookingEndedIsOwedBackInFull() {
        app.processor.whileCharging = () -> app.bookings.ended(RESERVATION, new Money(0, "KRW"));

        refused(BOOKING, "payment-voided", Kind.CONFLICT);

        assertThat(app.payment().status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(app.payment().capturedAmount()).isEqualTo(PRICE);
        assertThat(app.payment().refundOwed()).as("whatever the booking's end said").isEqualTo(PRICE);
        app.service.refundOwed(RESERVATION);
        assertThat(app.processor.refunds).containsEntry("refund-81", "ch_1 250000 KRW");
        assertThat(app.outbox.types()).containsExactly(PaymentEvents.PAYMENT_CAPTURED, PaymentEvents.PAYMENT_REFUNDED);
    }

    @Test
    void aCustomersPaymentsAreTheirsNewestFirst() {
        Payment first = app.service.pay(BOOKING);
        app.service.pay(new PayReservation(82, "c-2", PRICE, "pm_card_visa", BOOKING.captureBefore()));
        Payment third = app.service.pay(new PayReservation(83, CUSTOMER, PRICE, "pm_card_visa", BOOKING.captureBefore()));

        assertThat(app.service.ofCustomer(CUSTOMER, 0, 10)).extracting(Payment::id).containsExactly(third.id(), first.id());
        assertThat(app.service.countOfCustomer(CUSTOMER)).isEqualTo(2);
        assertThat(app.service.get(first.id())).isSameAs(first);
        assertThatThrownBy(() -> app.service.get(99)).isInstanceOfSatisfying(PaymentException.class,
                e -> assertThat(e.code()).isEqualTo("payment-not-found"));
    }
}
