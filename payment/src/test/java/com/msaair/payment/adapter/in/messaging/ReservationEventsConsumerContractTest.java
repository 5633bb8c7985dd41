package com.msaair.payment.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.contracts.ConsumerContract;
import com.msaair.payment.application.BookingPayments;
import com.msaair.payment.application.PayReservation;
import com.msaair.platform.domain.Money;
import com.msaair.platform.inbox.EventTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Payment reads reservation's events as reservation's contract promises them (contracts/events/reservation). */
class ReservationEventsConsumerContractTest {

    private static final String TOPIC = "reservation-events";
    private final List<String> done = new ArrayList<>();
    private final ReservationEventsConsumer consumer = new ReservationEventsConsumer();

    {
        consumer.bookings = new BookingPayments() {
            @Override
            public void held(PayReservation booking, Instant heldAt) {
                done.add("open " + booking.reservationId() + " " + booking.amount().amount() + " " + booking.paymentMethod() + " until " + booking.captureBefore());
            }

            @Override
            public void ended(long reservationId, Money refundAtMost) {
                done.add("end " + reservationId + " refunding at most " + refundAtMost.amount());
            }
        };
    }

    @Test
    void aHeldBookingOpensItsPayment() {
        assertThat(ConsumerContract.verify(TOPIC, "ReservationHeld", consumer::handle))
                .containsExactly("captureBefore", "customerId", "paymentMethod", "price", "reservationId");
        assertThat(done).first().isEqualTo("open 1001 250000 pm_card_visa until 2026-12-03T10:14:00Z");
    }

    @Test
    void aReleasedBookingGivesBackEverythingCaptured() {
        assertThat(ConsumerContract.verify(TOPIC, "ReservationReleased", consumer::handle)).containsExactly("price", "reservationId");
        assertThat(done).first().isEqualTo("end 1003 refunding at most 125000");
    }

    @Test
    void aCancelledBookingGivesBackItsRefund() {
        assertThat(ConsumerContract.verify(TOPIC, "ReservationCancelled", consumer::handle)).containsExactly("refund", "reservationId");
        assertThat(done).first().isEqualTo("end 1001 refunding at most 250000");
    }

    @Test
    void aConfirmationAsksNothingAndIsIgnored() {
        assertThat(EventTypes.declaredBy(ReservationEventsConsumer.class).of("ReservationCreated")).isEqualTo(EventTypes.Disposition.IGNORED);
    }

    @Test
    void knowsEveryReservationEventType() {
        ConsumerContract.knowsEveryType(ReservationEventsConsumer.class);
    }
}
