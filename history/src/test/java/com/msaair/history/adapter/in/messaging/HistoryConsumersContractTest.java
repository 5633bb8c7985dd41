package com.msaair.history.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.contracts.ConsumerContract;
import com.msaair.history.application.HistoryService;
import com.msaair.history.domain.EntryKind;
import com.msaair.history.domain.TimelineEntry;
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
                .containsExactly("customerId", "departureTime", "flightNumber", "miles", "passengers", "reservationId", "scheduleId");
        assertThat(recorded).first().extracting(TimelineEntry::kind).isEqualTo(EntryKind.BOOKED);
    }

    @Test
    void reservationCancelled() {
        assertThat(ConsumerContract.verify(HistoryConsumers.RESERVATION_EVENTS, "ReservationCancelled", consumers::onReservationEvent))
                .containsExactly("customerId", "flightNumber", "miles", "passengers", "reason", "reservationId", "scheduleId");
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
}
