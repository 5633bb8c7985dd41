package com.msaair.reservation.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.contracts.ConsumerContract;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.inbox.EventConsumers;
import com.msaair.platform.inbox.EventTypes;
import com.msaair.reservation.application.FlightReplicaService;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.SeatLayout;
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
        assertThat(ConsumerContract.verify(EventConsumers.channelOf(ScheduleEventsConsumer.class), "ScheduleCreated", consumer::handle)).containsExactly(
                "arrivalTime", "departureTime", "destination", "fare", "flightNumber", "miles", "origin", "scheduleId", "seatCapacity");
        assertThat(applied).first().isEqualTo(new FlightFacts(41, "KE1234", "ICN", "CJU", java.time.Instant.parse("2026-12-24T09:00:00Z"),
                java.time.Instant.parse("2026-12-24T10:10:00Z"), "A321", SeatLayout.of(30, "ABCDEF", List.of("C|D"), 180), 276,
                new com.msaair.platform.domain.Money(125_000, "KRW"), com.msaair.reservation.domain.FlightStatus.SCHEDULED));
    }

    @Test
    void aScheduleCreatedOfTheReleaseBeforeSeatMapsGetsTheGenericLayoutOfItsCapacity() {
        consumer.handle(EventEnvelope.fromJson(created("\"seatCapacity\":10")));
        assertThat(applied).singleElement().satisfies(facts -> {
            assertThat(((FlightFacts) facts).aircraftType()).isEqualTo("GENERIC");
            assertThat(((FlightFacts) facts).seatLayout()).isEqualTo(SeatLayout.generic(10));
        });
    }

    @Test
    void aSeatMapThatCannotHoldTheCapacityIsMalformed() {
        for (String seats : List.of("\"seatCapacity\":181,\"seatMap\":{\"rows\":30,\"letters\":\"ABCDEF\",\"aisles\":[\"C|D\"]}",
                "\"seatCapacity\":180,\"seatMap\":{\"rows\":30,\"letters\":\"ABCDEF\",\"aisles\":[\"B|D\"]}",
                "\"seatCapacity\":180,\"seatMap\":{\"rows\":30,\"letters\":\"abcdef\",\"aisles\":[]}",
                "\"seatCapacity\":180,\"seatMap\":\"30x6\"",
                "\"seatCapacity\":10000")) {
            assertThatThrownBy(() -> consumer.handle(EventEnvelope.fromJson(created(seats)))).as(seats)
                    .isInstanceOf(MalformedEventException.class);
        }
        assertThat(applied).isEmpty();
    }

    private static String created(String seats) {
        return "{\"eventId\":\"0b6f3f5e-3c1a-4d55-9a53-2f1e7e0c9d11\",\"eventType\":\"ScheduleCreated\",\"occurredAt\":\"2026-12-01T08:00:00Z\","
                + "\"correlationId\":\"41\",\"data\":{\"scheduleId\":41,\"flightNumber\":\"KE1234\",\"origin\":\"ICN\",\"destination\":\"CJU\","
                + "\"departureTime\":\"2026-12-24T09:00:00Z\",\"arrivalTime\":\"2026-12-24T10:10:00Z\"," + seats + ",\"miles\":276,"
                + "\"fare\":{\"amount\":125000,\"currency\":\"KRW\"},\"status\":\"SCHEDULED\"}}";
    }

    @Test
    void scheduleCancelled() {
        assertThat(ConsumerContract.verify(EventConsumers.channelOf(ScheduleEventsConsumer.class), "ScheduleCancelled", consumer::handle)).containsExactly("scheduleId");
        assertThat(applied).first().isEqualTo(41L);
    }

    @Test
    void knowsEveryScheduleEventType() {
        ConsumerContract.knowsEveryType(ScheduleEventsConsumer.class);
    }

    @Test
    void knowsEveryPaymentEventTypeAndIgnoresRefunds() {
        ConsumerContract.knowsEveryType(PaymentEventsConsumer.class);
        assertThat(EventTypes.declaredBy(PaymentEventsConsumer.class).ignored()).containsExactly("PaymentRefunded");
    }
}
