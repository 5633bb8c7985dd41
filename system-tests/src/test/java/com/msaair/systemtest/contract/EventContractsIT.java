package com.msaair.systemtest.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.contracts.EventContracts;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.KafkaProbe;
import com.msaair.systemtest.support.SystemStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The publishers' half of the event contracts, on the real thing: every event type each service
 * publishes is caused through the services' APIs, and every record the real servers put on the real
 * broker for it — key, headers, envelope and data — is validated against its publisher's AsyncAPI
 * document and schemas. A field renamed or removed in a publisher fails here (and, faster, in its
 * unit tests); a consumer is held to the same contract by its own unit tests.
 */
@Order(1)
@ExtendWith(SystemStack.class)
class EventContractsIT {

    @Test
    void everyRecordThePublishersWriteKeepsTheirContract() {
        String customer = Api.newCustomer();
        long flight = Api.id(Api.registerFlight("A321", 300)); // ScheduleCreated with an aircraft type's seat map
        long cancelledByTheCustomer = Api.id(Api.booked(customer, flight, 2));
        assertThat(Api.cancel(cancelledByTheCustomer).status()).isEqualTo(200);
        long cancelledWithTheFlight = Api.id(Api.booked(customer, flight, 1));
        // Named seats, in the ReservationHeld and ReservationReleased of a declined booking (the others' seats were found for them).
        assertThat(Api.bookSeats(customer, flight, List.of("20A", "20B"), "pm_card_insufficient_funds").status()).isEqualTo(402);
        long declined = Http.get(Api.url(Service.RESERVATION, "/api/reservations"), Api.as(customer)).items().getValuesAs(JsonObject.class)
                .stream().filter(r -> r.getString("status").equals("PAYMENT_FAILED")).mapToLong(Api::id).findFirst().orElseThrow();
        assertThat(Api.cancelFlight(flight).status()).isEqualTo(200);

        // Correlation ids of this scenario, per topic (a schedule id and a reservation id may be the same number).
        Set<String> bookings = Set.of(customer, String.valueOf(cancelledByTheCustomer), String.valueOf(cancelledWithTheFlight),
                String.valueOf(declined));
        Map<String, Set<String>> ours = Map.of("schedule-events", Set.of(String.valueOf(flight)),
                "reservation-events", bookings, "mileage-events", bookings, "payment-events", bookings);
        Map<String, Long> expected = new TreeMap<>(Map.ofEntries(Map.entry("CustomerRegistered", 1L), Map.entry("ScheduleCreated", 1L),
                Map.entry("ScheduleCancelled", 1L), Map.entry("ReservationHeld", 3L), Map.entry("ReservationCreated", 2L),
                Map.entry("ReservationReleased", 1L), Map.entry("ReservationCancelled", 2L), Map.entry("MileageIncreased", 2L),
                Map.entry("MileageDecreased", 2L), Map.entry("PaymentCaptured", 2L), Map.entry("PaymentDeclined", 1L),
                Map.entry("PaymentRefunded", 2L)));
        EventContracts contracts = EventContracts.get();
        assertThat(contracts.topics().stream().flatMap(topic -> contracts.eventTypes(topic).stream()))
                .as("this test causes every event type a contract names").containsExactlyInAnyOrderElementsOf(expected.keySet());

        List<ConsumerRecord<String, String>> records = Eventually.await("every event of the scenario on the broker", () -> {
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            for (String topic : contracts.topics()) {
                KafkaProbe.readAll(topic).stream().filter(record -> ours.get(topic).contains(correlationIdOf(record))).forEach(found::add);
            }
            return found;
        }, found -> countByType(found).equals(expected));

        List<String> violations = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            contracts.violations(record.topic(), record.key(), headersOf(record), record.value())
                    .forEach(problem -> violations.add(record.topic() + " " + typeOf(record) + ": " + problem));
        }
        assertThat(violations).as("what the publishers wrote, against their contracts").isEmpty();
    }

    private static Map<String, Long> countByType(List<ConsumerRecord<String, String>> records) {
        return records.stream().collect(Collectors.groupingBy(EventContractsIT::typeOf, TreeMap::new, Collectors.counting()));
    }

    private static String correlationIdOf(ConsumerRecord<String, String> record) {
        return KafkaProbe.header(record, "correlationId").orElse("");
    }

    private static String typeOf(ConsumerRecord<String, String> record) {
        try {
            JsonObject envelope = Json.createReader(new StringReader(record.value())).readObject();
            return envelope.getString("eventType", "?");
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static Map<String, String> headersOf(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
