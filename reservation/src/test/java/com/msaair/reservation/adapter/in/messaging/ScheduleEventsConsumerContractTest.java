package com.msaair.reservation.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.contracts.ConsumerContract;
import com.msaair.reservation.application.FlightReplicaService;
import com.msaair.reservation.domain.FlightFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reservation reads schedule's events as schedule's contract promises them (contracts/events/schedule). */
class ScheduleEventsConsumerContractTest {

    private final List<Object> applied = new ArrayList<>();
    private final ScheduleEventsConsumer consumer = new ScheduleEventsConsumer();

    {
        consumer.replica = new FlightReplicaService() {
            @Override
            public void scheduleCreated(FlightFacts facts) {
                applied.add(facts);
            }

            @Override
            public int scheduleCancelled(long scheduleId, UUID causationId) {
                applied.add(scheduleId);
                return 0;
            }
        };
    }

    @Test
    void scheduleCreated() {
        assertThat(ConsumerContract.verify(ScheduleEventsConsumer.CHANNEL, "ScheduleCreated", consumer::apply)).containsExactly(
                "arrivalTime", "departureTime", "destination", "fare", "flightNumber", "miles", "origin", "scheduleId", "seatCapacity");
        assertThat(applied).first().isEqualTo(new FlightFacts(41, "KE1234", "ICN", "CJU", java.time.Instant.parse("2026-12-24T09:00:00Z"),
                java.time.Instant.parse("2026-12-24T10:10:00Z"), 180, 276, new com.msaair.platform.domain.Money(125_000, "KRW"),
                com.msaair.reservation.domain.FlightStatus.SCHEDULED));
    }

    @Test
    void scheduleCancelled() {
        assertThat(ConsumerContract.verify(ScheduleEventsConsumer.CHANNEL, "ScheduleCancelled", consumer::apply)).containsExactly("scheduleId");
        assertThat(applied).first().isEqualTo(41L);
    }

    @Test
    void knowsEveryScheduleEventType() {
        ConsumerContract.knowsEveryType(ScheduleEventsConsumer.CHANNEL, ScheduleEventsConsumer.TYPES);
    }

    @Test
    void knowsEveryPaymentEventTypeAndIgnoresRefunds() {
        ConsumerContract.knowsEveryType(PaymentEventsConsumer.CHANNEL, PaymentEventsConsumer.TYPES);
        assertThat(PaymentEventsConsumer.TYPES.ignored()).containsExactly("PaymentRefunded");
    }
}
