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
class HistoryConsumersContractTest {

    private final List<TimelineEntry> recorded = new ArrayList<>();
    private final HistoryConsumers consumers = new HistoryConsumers();

    {
        consumers.history = new HistoryService() {
            @Override
            public void record(TimelineEntry entry) {
                recorded.add(entry);
            }
        };
    }

    @Test
    void reservationCreated() {
        assertThat(ConsumerContract.verify(HistoryConsumers.RESERVATION_EVENTS, "ReservationCreated", consumers::onReservationEvent))
                .containsExactly("customerId", "departureTime", "flightNumber", "miles", "passengers", "price", "reservationId", "scheduleId");
        assertThat(recorded).first().extracting(TimelineEntry::kind).isEqualTo(EntryKind.BOOKED);
        assertThat(recorded).first().extracting(TimelineEntry::amount).isEqualTo(250_000L);
        assertThat(recorded.get(0).seats()).as("the booking's seats").containsExactly("12A", "12B");
        assertThat(recorded).as("an event from before seats (none) applies too").anySatisfy(e -> assertThat(e.seats()).isEmpty());
    }

    @Test
    void reservationCancelled() {
        assertThat(ConsumerContract.verify(HistoryConsumers.RESERVATION_EVENTS, "ReservationCancelled", consumers::onReservationEvent))
                .containsExactly("customerId", "flightNumber", "miles", "passengers", "reason", "reservationId", "scheduleId");
    }

    @Test
    void aHoldIsNotAnEntryButItsReleaseIs() {
        assertThat(HistoryConsumers.RESERVATION_TYPES.of("ReservationHeld")).isEqualTo(EventTypes.Disposition.IGNORED);
        assertThat(ConsumerContract.verify(HistoryConsumers.RESERVATION_EVENTS, "ReservationReleased", consumers::onReservationEvent))
                .containsExactly("customerId", "flightNumber", "passengers", "reason", "reservationId", "scheduleId", "status");
        assertThat(recorded).extracting(TimelineEntry::kind).contains(EntryKind.PAYMENT_FAILED, EntryKind.HOLD_EXPIRED);
    }

    @Test
    void refunds() {
        assertThat(ConsumerContract.verify(HistoryConsumers.PAYMENT_EVENTS, "PaymentRefunded", consumers::onPaymentEvent))
                .containsExactly("amount", "customerId", "reservationId");
        assertThat(recorded).first().extracting(TimelineEntry::kind).isEqualTo(EntryKind.REFUNDED);
        for (String type : List.of("PaymentCaptured", "PaymentDeclined")) {
            assertThat(HistoryConsumers.PAYMENT_TYPES.of(type)).as(type).isEqualTo(EventTypes.Disposition.IGNORED);
        }
    }

    @Test
    void mileageChanged() {
        for (String type : List.of("MileageIncreased", "MileageDecreased")) {
            assertThat(ConsumerContract.verify(HistoryConsumers.MILEAGE_EVENTS, type, consumers::onMileageEvent))
                    .containsExactly("balance", "customerId", "miles", "reservationId");
        }
    }

    @Test
    void customerRegistered() {
        assertThat(ConsumerContract.verify(HistoryConsumers.MILEAGE_EVENTS, "CustomerRegistered", consumers::onMileageEvent))
                .containsExactly("customerId");
        assertThat(recorded).first().extracting(TimelineEntry::kind).isEqualTo(EntryKind.REGISTERED);
    }

    @Test
    void knowsEveryEventTypeOfItsTopics() {
        ConsumerContract.knowsEveryType(HistoryConsumers.RESERVATION_EVENTS, HistoryConsumers.RESERVATION_TYPES);
        ConsumerContract.knowsEveryType(HistoryConsumers.MILEAGE_EVENTS, HistoryConsumers.MILEAGE_TYPES);
        ConsumerContract.knowsEveryType(HistoryConsumers.PAYMENT_EVENTS, HistoryConsumers.PAYMENT_TYPES);
    }
}
