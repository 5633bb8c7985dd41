package com.msaair.payment.application;

import com.msaair.payment.domain.Payment;
import com.msaair.platform.domain.Money;
import com.msaair.platform.testing.RecordingOutbox;
import com.msaair.platform.testing.SteppingClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Payment's use cases wired by hand as CDI wires them, on in-memory ports: the database, the outbox and the card processor. */
final class PaymentUseCases {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final Money PRICE = new Money(250_000, "KRW");
    static final long RESERVATION = 81;
    static final String CUSTOMER = "c-1";
    /** The booking of reservation 81, as its ReservationHeld or its own charge asks: chargeable for 14 minutes. */
    static final PayReservation BOOKING = new PayReservation(RESERVATION, CUSTOMER, PRICE, "pm_card_visa", NOW.plusSeconds(840));

    final SteppingClock clock = new SteppingClock(NOW);
    final InMemoryPayments payments = new InMemoryPayments();
    final InMemoryCardProcessor processor = new InMemoryCardProcessor();
    final RecordingOutbox outbox = new RecordingOutbox();
    /** Payments reported to operators as disowned by their booking: "reservation: the terms that differed". */
    final List<String> disowned = new ArrayList<>();

    final PaymentSettings settings = new PaymentSettings();
    final PaymentSettlement settlement = new PaymentSettlement();
    final PaymentService service = new PaymentService();
    final BookingPayments bookings = new BookingPayments();
    final PaymentWorker worker = new PaymentWorker();

    PaymentUseCases() {
        settings.backgroundGraceMs = 10_000;
        settings.firstRetryDelayMs = 1_000;
        settings.maxRetryDelayMs = 30_000;
        settings.batchSize = 50;
        settlement.payments = payments;
        settlement.outbox = outbox;
        settlement.clock = clock;
        service.settlement = settlement;
        service.payments = payments;
        service.processor = processor;
        service.clock = clock;
        service.settings = settings;
        bookings.repository = payments;
        bookings.payments = service;
        bookings.clock = clock;
        bookings.settings = settings;
        bookings.mismatches = new PaymentMismatches() {
            @Override
            void disowned(Payment payment, PayReservation booking) {
                disowned.add(payment.reservationId() + ": " + payment.mismatch().orElseThrow());
            }
        };
        worker.payments = service;
        worker.settlement = settlement;
        worker.settings = settings;
    }

    Payment payment() {
        return payments.ofReservation(RESERVATION).orElseThrow();
    }
}
