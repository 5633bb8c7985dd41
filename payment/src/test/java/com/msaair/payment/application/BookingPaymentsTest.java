package com.msaair.payment.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.payment.domain.LedgerEntry;
import com.msaair.payment.domain.Payment;
import com.msaair.payment.domain.PaymentRepository;
import com.msaair.payment.domain.PaymentStatus;
import com.msaair.platform.domain.Money;
import com.msaair.platform.testing.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A held booking meets its reservation's payment: kept when their terms agree, disowned when they do not. */
class BookingPaymentsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Money PRICE = new Money(125_000, "KRW");
    private static final PayReservation BOOKING = new PayReservation(81, "c-b", PRICE, "pm_card_visa", NOW.plusSeconds(840));

    private final InMemoryPayments repository = new InMemoryPayments();
    private final List<String> reported = new ArrayList<>();
    private final BookingPayments outcomes = new BookingPayments();

    {
        SteppingClock clock = new SteppingClock(NOW);
        outcomes.repository = repository;
        outcomes.clock = clock;
        outcomes.settings = new PaymentSettings();
        outcomes.settings.backgroundGraceMs = 10_000;
        outcomes.payments = new PaymentService() {
            @Override
            public Payment openOrFind(PayReservation request, Duration backgroundWaits) {
                return repository.addIfAbsent(Payment.open(request.reservationId(), request.customerId(), request.amount(),
                        request.paymentMethod(), request.captureBefore(), NOW.plus(backgroundWaits), NOW));
            }
        };
        outcomes.mismatches = new PaymentMismatches() {
            @Override
            void disowned(Payment payment, PayReservation booking) {
                reported.add(payment.reservationId() + ": " + payment.mismatch().orElseThrow());
            }
        };
    }

    @Test
    void aHeldBookingOpensItsPaymentWithItsOwnTerms() {
        outcomes.held(BOOKING, NOW);
        Payment payment = repository.ofReservation(81).orElseThrow();
        assertThat(payment.hasTerms("c-b", PRICE, "pm_card_visa", BOOKING.captureBefore())).isTrue();
        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(reported).isEmpty();
    }

    @Test
    void aPaymentLeftWithOtherTermsIsNeverChargedForTheBookingAndIsReportedOnce() {
        repository.addIfAbsent(Payment.open(81, "c-a", new Money(1, "KRW"), "pm_card_slow", NOW.plusSeconds(3600), NOW, NOW));
        outcomes.held(BOOKING, NOW);
        outcomes.held(BOOKING, NOW); // redelivered
        Payment payment = repository.ofReservation(81).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(payment.mayCharge(NOW)).isFalse();
        assertThat(reported).containsExactly("81: customerId, amount, paymentMethod, captureBefore");
    }

    @Test
    void aPaymentCapturedWithOtherTermsIsRefundedInFull() {
        Payment other = repository.addIfAbsent(Payment.open(81, "c-b", new Money(125_000, "USD"), "pm_card_visa", BOOKING.captureBefore(), NOW, NOW));
        other.captured("ch_1", NOW);
        outcomes.held(BOOKING, NOW);
        assertThat(other.refundOwed()).isEqualTo(new Money(125_000, "USD"));
        assertThat(reported).containsExactly("81: currency");
    }

    /** Only what booking outcomes use. */
    private static final class InMemoryPayments implements PaymentRepository {
        private final Map<Long, Payment> byReservation = new HashMap<>();

        @Override
        public Payment addIfAbsent(Payment payment) {
            return byReservation.computeIfAbsent(payment.reservationId(), r -> payment);
        }

        @Override
        public Optional<Payment> ofReservation(long reservationId) {
            return Optional.ofNullable(byReservation.get(reservationId));
        }

        @Override
        public Optional<Payment> ofReservationForUpdate(long reservationId) {
            return ofReservation(reservationId);
        }

        @Override
        public Optional<Payment> find(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Payment> ofCustomer(String customerId, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long countOfCustomer(String customerId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Long> dueForCharge(Instant now, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Long> owingRefunds(int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void record(LedgerEntry entry) {
            throw new UnsupportedOperationException();
        }
    }
}
