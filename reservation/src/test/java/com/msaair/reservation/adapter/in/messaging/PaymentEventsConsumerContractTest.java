package com.msaair.reservation.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.contracts.ConsumerContract;
import com.msaair.platform.domain.Money;
import com.msaair.platform.inbox.EventConsumers;
import com.msaair.platform.inbox.EventTypes;
import com.msaair.reservation.application.HoldSettlement;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reservation reads payment's events as payment's contract promises them (contracts/events/payment): a
 * capture is only ever applied with what was captured and from whom, so it can be held to the booking.
 */
class PaymentEventsConsumerContractTest {

    private final List<String> done = new ArrayList<>();
    private final PaymentEventsConsumer consumer = new PaymentEventsConsumer();

    {
        consumer.holds = new HoldSettlement() {
            @Override
            public Reservation captured(long reservationId, Money amount, String payer, UUID eventId) {
                done.add("captured " + reservationId + ": " + amount.amount() + " " + amount.currency() + " from " + payer);
                return null;
            }

            @Override
            public Reservation release(long reservationId, ReservationStatus outcome, String reason, UUID causationId) {
                done.add("release " + reservationId + " as " + outcome + ": " + reason);
                return null;
            }
        };
    }

    @Test
    void aCaptureNamesWhatWasTakenAndFromWhom() {
        assertThat(ConsumerContract.verify(EventConsumers.channelOf(PaymentEventsConsumer.class), "PaymentCaptured", consumer::handle))
                .containsExactly("amount", "customerId", "reservationId");
        assertThat(done).first().isEqualTo("captured 1001: 250000 KRW from 5f0c2d8e-7a41-4f0e-9c55-3b8e1d2f6a70");
    }

    @Test
    void aDeclineReleasesWithTheProcessorsReason() {
        assertThat(ConsumerContract.verify(EventConsumers.channelOf(PaymentEventsConsumer.class), "PaymentDeclined", consumer::handle))
                .containsExactly("reason", "reservationId");
        assertThat(done).first().isEqualTo("release 1001 as PAYMENT_FAILED: insufficient_funds");
    }

    @Test
    void aRefundAsksNothingAndIsAcknowledgedWithoutATransaction() {
        assertThat(EventTypes.declaredBy(PaymentEventsConsumer.class).of("PaymentRefunded")).isEqualTo(EventTypes.Disposition.IGNORED);
    }

    @Test
    void knowsEveryPaymentEventType() {
        ConsumerContract.knowsEveryType(PaymentEventsConsumer.class);
    }
}
