package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Events;
import com.msaair.systemtest.support.Events.Event;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.KafkaProbe;
import com.msaair.systemtest.support.SystemStack;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Messages nobody can process are parked with their reason; duplicates change nothing; nothing stops a channel. */
@Order(5)
@ExtendWith(SystemStack.class)
class PoisonMessageIT {

    /** Who consumes which topic, by consumer name (the {@code dlt.consumer} header). */
    private static final Map<String, Set<String>> CONSUMERS = Map.of(
            "reservation-events", Set.of("payment", "mileage", "notification", "history"),
            "payment-events", Set.of("reservation", "notification", "history"),
            "mileage-events", Set.of("notification", "history"),
            "schedule-events", Set.of("reservation"));

    @Test
    void poisonMessagesOnEveryTopicAreParkedWithTheirReasonAndLaterEventsStillFlow() {
        String marker = UUID.randomUUID().toString();
        Map<String, List<String>> poisons = new java.util.HashMap<>();
        for (String topic : CONSUMERS.keySet()) {
            // Fresh event ids per topic: the same id on two topics would rightly count as one event.
            poisons.put(topic, List.of(
                    "not json at all " + marker,
                    "{\"eventType\":\"ReservationCreated\",\"marker\":\"" + marker + "\"}",
                    envelope("SomethingNobodyKnows", marker, "{}"),
                    envelope("ReservationCreated", marker, "{\"reservationId\":\"seven\"}"),
                    envelope("MileageIncreased", marker, "{\"customerId\":-1}"),
                    envelope("ScheduleCreated", marker, "{\"scheduleId\":1}"),
                    "\u0000\u0001\u0002 binary " + marker));
            poisons.get(topic).forEach(poison -> KafkaProbe.produce(topic, "poison", poison, Map.of()));
        }

        // Later events on the same topics are processed.
        String customer = Api.newCustomer();
        long flight = id(Api.registerFlight(10, 400));
        Api.booked(customer, flight, 1);
        Eventually.await("a booking after the poison accrues miles", () -> Api.balance(customer), balance -> balance == 400);
        Eventually.await("and is notified", () -> Api.notifications(customer).size(), n -> n == 2);

        for (Map.Entry<String, Set<String>> topic : CONSUMERS.entrySet()) {
            List<ConsumerRecord<String, String>> parked = Eventually.await("every consumer parked every poison message from " + topic.getKey(),
                    () -> KafkaProbe.readAll(topic.getKey() + ".DLT").stream().filter(r -> r.value().contains(marker)).toList(),
                    records -> records.size() == poisons.get(topic.getKey()).size() * topic.getValue().size());
            assertThat(parked).allSatisfy(record -> {
                assertThat(KafkaProbe.header(record, "dlt.reason")).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
                assertThat(KafkaProbe.header(record, "dlt.original.topic")).contains(topic.getKey());
                assertThat(KafkaProbe.header(record, "dlt.original.offset")).isPresent();
                assertThat(record.key()).isEqualTo("poison");
            });
            assertThat(parked.stream().map(r -> KafkaProbe.header(r, "dlt.consumer").orElse("?")).collect(Collectors.toSet()))
                    .isEqualTo(topic.getValue());
            assertThat(parked.stream().map(ConsumerRecord::value).collect(Collectors.toSet())).as("parked unchanged")
                    .containsExactlyInAnyOrderElementsOf(poisons.get(topic.getKey()));
        }
        for (Service service : Service.values()) {
            assertThat(Http.get(Api.url(service, "/health/live")).status()).as(service + " still live").isEqualTo(200);
        }
    }

    @Test
    void aRedeliveredEventIsAcknowledgedWithoutEffectAndTheChannelGoesOn() {
        String customer = Api.newCustomer();
        long flight = id(Api.registerFlight(10, 700));
        long first = id(Api.booked(customer, flight, 1));
        Eventually.await("the first booking's miles", () -> Api.balance(customer), balance -> balance == 700);
        Event created = Events.correlated("reservation-events", "ReservationCreated", first).get(0);

        // The same event again, exactly as it was (same event id, same key, same partition): a redelivery.
        KafkaProbe.produce("reservation-events", created.record().key(), created.record().value(), Map.of());
        long second = id(Api.booked(customer, flight, 2));

        Eventually.await("the second booking's miles", () -> Api.balance(customer), balance -> balance >= 700 + 1400);
        assertThat(Api.balance(customer)).as("the duplicate added nothing").isEqualTo(2100);
        assertThat(Api.ledger(customer)).hasSize(2);
        Eventually.await("notifications of both bookings", () -> Api.notifications(customer).size(), n -> n == 4);
        Eventually.await("history of both bookings", () -> Api.history(customer).size(), n -> n == 5);
        assertThat(Api.notifications(customer).getValuesAs(jakarta.json.JsonObject.class))
                .filteredOn(n -> n.getString("eventId").equals(created.eventId())).hasSize(1);
        assertThat(second).isGreaterThan(first);
    }

    private static String envelope(String type, String marker, String data) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"" + type + "\",\"occurredAt\":\"2026-11-21T10:00:00Z\","
                + "\"correlationId\":\"" + marker + "\",\"customerId\":1,\"data\":" + data + "}";
    }
}
