package com.msaair.history.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.contracts.ConsumerContract;
import com.msaair.history.application.HistoryService;
import com.msaair.history.domain.EntryKind;
import com.msaair.history.domain.TimelineEntry;
import com.msaair.platform.inbox.EventTypes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** History reads reservation's and mileage's events as their contracts promise them (contracts/events). */
class ConsumersContractTest {

    private final List<TimelineEntry> recorded = new ArrayList<>();
    private final ReservationEventsConsumer reservations = new ReservationEventsConsumer();
    private final MileageEventsConsumer mileage = new MileageEventsConsumer();
    private final PaymentEventsConsumer payments = new PaymentEventsConsumer();

    {
        HistoryService service = new HistoryService() {
            @Override
            public void record(TimelineEntry entry) {
                recorded.add(entry);
            }
        };
        reservations.history = service;
        mileage.history = service;
        payments.history = service;
    }

    @Test
    void reservationCreated() {
        assertThat(ConsumerContract.verify("reservation-events", "ReservationCreated", reservations::handle))
                .containsExactly("customerId", "departureTime", "flightNumber", "miles", "passengers", "price", "reservationId", "scheduleId");
        assertThat(recorded).first().extracting(TimelineEntry::kind).isEqualTo(EntryKind.BOOKED);
        assertThat(recorded).first().extracting(TimelineEntry::amount).isEqualTo(250_000L);
        assertThat(recorded.get(0).seats()).as("the booking's seats").containsExactly("12A", "12B");
        assertThat(recorded).as("an event from before seats (none) applies too").anySatisfy(e -> assertThat(e.seats()).isEmpty());
    }

    @Test
    void reservationCancelled() {
        assertThat(ConsumerContract.verify("reservation-events", "ReservationCancelled", reservations::handle))
                .containsExactly("customerId", "flightNumber", "miles", "passengers", "reason", "reservationId", "scheduleId");
    }

    @Test
    void aHoldIsNotAnEntryButItsReleaseIs() {
        assertThat(EventTypes.declaredBy(ReservationEventsConsumer.class).of("ReservationHeld")).isEqualTo(EventTypes.Disposition.IGNORED);
        assertThat(ConsumerContract.verify("reservation-events", "ReservationReleased", reservations::handle))
                .containsExactly("customerId", "flightNumber", "passengers", "reason", "reservationId", "scheduleId", "status");
        assertThat(recorded).extracting(TimelineEntry::kind).contains(EntryKind.PAYMENT_FAILED, EntryKind.HOLD_EXPIRED);
    }

    @Test
    void refunds() {
        assertThat(ConsumerContract.verify("payment-events", "PaymentRefunded", payments::handle))
                .containsExactly("amount", "customerId", "reservationId");
        assertThat(recorded).first().extracting(TimelineEntry::kind).isEqualTo(EntryKind.REFUNDED);
        for (String type : List.of("PaymentCaptured", "PaymentDeclined")) {
            assertThat(EventTypes.declaredBy(PaymentEventsConsumer.class).of(type)).as(type).isEqualTo(EventTypes.Disposition.IGNORED);
        }
    }

    @Test
    void mileageChanged() {
        for (String type : List.of("MileageIncreased", "MileageDecreased")) {
            assertThat(ConsumerContract.verify("mileage-events", type, mileage::handle))
                    .containsExactly("balance", "customerId", "miles", "reservationId");
        }
    }

    @Test
    void customerRegistered() {
        assertThat(ConsumerContract.verify("mileage-events", "CustomerRegistered", mileage::handle))
                .containsExactly("customerId");
        assertThat(recorded).first().extracting(TimelineEntry::kind).isEqualTo(EntryKind.REGISTERED);
    }

    @Test
    void knowsEveryEventTypeOfItsTopics() {
        ConsumerContract.knowsEveryType(ReservationEventsConsumer.class);
        ConsumerContract.knowsEveryType(MileageEventsConsumer.class);
        ConsumerContract.knowsEveryType(PaymentEventsConsumer.class);
    }
}
