package com.msaair.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.event.MalformedEventException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contracts themselves: readable, their examples keep them, and they do refuse what breaks them. */
class EventContractsTest {

    private static final EventContracts CONTRACTS = EventContracts.get();
    private static final String TOPIC = "reservation-events";

    static Stream<Arguments> everyExample() {
        return CONTRACTS.topics().stream().flatMap(topic -> CONTRACTS.eventTypes(topic).stream()
                .flatMap(type -> CONTRACTS.examples(topic, type).stream().map(example -> Arguments.of(topic, type, example))));
    }

    @Test
    void everyPublisherDescribesItsTopic() {
        assertThat(CONTRACTS.topics()).containsExactly("schedule-events", "reservation-events", "mileage-events", "payment-events");
        assertThat(CONTRACTS.eventTypes("schedule-events")).containsExactly("ScheduleCreated", "ScheduleCancelled");
        assertThat(CONTRACTS.eventTypes(TOPIC)).containsExactly("ReservationHeld", "ReservationCreated", "ReservationReleased", "ReservationCancelled");
        assertThat(CONTRACTS.eventTypes("payment-events")).containsExactly("PaymentCaptured", "PaymentDeclined", "PaymentRefunded");
        assertThat(CONTRACTS.eventTypes("mileage-events")).containsExactly("MileageIncreased", "MileageDecreased", "CustomerRegistered");
        CONTRACTS.topics().forEach(topic -> CONTRACTS.eventTypes(topic).forEach(type ->
                assertThat(CONTRACTS.examples(topic, type)).as("examples of " + type).isNotEmpty()));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("everyExample")
    void everyExampleKeepsItsContractAsARecordWouldCarryIt(String topic, String type, String example) {
        JsonObject event = json(example);
        String key = CONTRACTS.publisherOf(topic).equals("schedule") ? event.getString("correlationId") : event.getString("customerId");
        assertThat(CONTRACTS.violations(topic, key, headersOf(event), example)).isEmpty();
    }

    @Test
    void aRenamedOrRemovedFieldBreaksTheContract() {
        JsonObject event = json(CONTRACTS.examples(TOPIC, "ReservationCreated").get(0));
        JsonObject data = event.getJsonObject("data");
        JsonObject renamed = Json.createObjectBuilder(event).add("data", Json.createObjectBuilder(data)
                .remove("flightNumber").add("flightNo", data.getString("flightNumber"))).build();
        assertThat(CONTRACTS.violations(TOPIC, renamed.toString()))
                .anySatisfy(problem -> assertThat(problem).contains("flightNumber"))
                .anySatisfy(problem -> assertThat(problem).contains("flightNo"));
        JsonObject removed = Json.createObjectBuilder(event).add("data", Json.createObjectBuilder(data).remove("miles")).build();
        assertThat(CONTRACTS.violations(TOPIC, removed.toString())).singleElement().asString().contains("miles");
        JsonObject extraEnvelope = Json.createObjectBuilder(event).add("tenant", "x").build();
        assertThat(CONTRACTS.violations(TOPIC, extraEnvelope.toString())).singleElement().asString().contains("tenant");
        JsonObject wrongType = Json.createObjectBuilder(event).add("data", Json.createObjectBuilder(data).add("passengers", "2")).build();
        assertThat(CONTRACTS.violations(TOPIC, wrongType.toString())).singleElement().asString().contains("passengers");
    }

    @Test
    void anUnknownTypeAWrongKeyOrHeaderBreaksTheContract() {
        JsonObject event = json(CONTRACTS.examples(TOPIC, "ReservationCreated").get(0));
        JsonObject unknown = Json.createObjectBuilder(event).add("eventType", "ReservationUpgraded").build();
        assertThat(CONTRACTS.violations(TOPIC, unknown.toString())).singleElement().asString().contains("ReservationUpgraded");
        assertThat(CONTRACTS.violations(TOPIC, "someone-else", headersOf(event), event.toString()))
                .singleElement().asString().contains("key");
        Map<String, String> headers = headersOf(event);
        headers.put("eventType", "ReservationCancelled");
        assertThat(CONTRACTS.violations(TOPIC, event.getString("customerId"), headers, event.toString()))
                .singleElement().asString().contains("header eventType");
        assertThat(CONTRACTS.violations("boarding-events", "{}")).singleElement().asString().contains("no contract");
    }

    @Test
    void aConsumerThatNeedsAFieldTheContractDoesNotPromiseFails() {
        // cancelledAt is required of ReservationCancelled, but "departureTime" is not even in it: a consumer
        // refusing events without departureTime would refuse every good one.
        assertThatThrownBy(() -> ConsumerContract.verify(TOPIC, "ReservationCancelled", event -> {
            if (!event.data().containsKey("departureTime")) {
                throw new MalformedEventException("departureTime is required");
            }
        })).isInstanceOf(AssertionError.class).hasMessageContaining("refuses the contract's example");
    }

    @Test
    void aConsumerThatRefusesUnknownMembersFails() {
        assertThatThrownBy(() -> ConsumerContract.verify(TOPIC, "ReservationCreated", event -> {
            if (event.data().size() > CONTRACTS.dataFields(TOPIC, "ReservationCreated").size()) {
                throw new MalformedEventException("unknown member");
            }
        })).isInstanceOf(AssertionError.class).hasMessageContaining("tolerant reader");
    }

    @Test
    void aConsumerStatesWhatItNeeds() {
        assertThat(ConsumerContract.verify(TOPIC, "ReservationCreated", event -> {
            if (!event.data().containsKey("reservationId") || !event.data().containsKey("miles")) {
                throw new MalformedEventException("reservationId and miles are required");
            }
        })).containsExactly("miles", "reservationId");
    }

    record Cancelled(long scheduleId, String flightNumber, java.time.Instant departureTime, java.time.Instant cancelledAt) {}

    record CancelledRenamed(long scheduleId, String flightNo, java.time.Instant departureTime, java.time.Instant cancelledAt) {}

    record CancelledWithAnIntegerTime(long scheduleId, String flightNumber, long departureTime, java.time.Instant cancelledAt) {}

    @Test
    void aPayloadRecordMustWriteWhatTheSchemaAllows() {
        ProducerContract.assertPayloadRecordMatches("schedule-events", "ScheduleCancelled", Cancelled.class);
        assertThatThrownBy(() -> ProducerContract.assertPayloadRecordMatches("schedule-events", "ScheduleCancelled", CancelledRenamed.class))
                .hasMessageContaining("flightNo is written but not in the schema")
                .hasMessageContaining("flightNumber is in the schema but not written");
        assertThatThrownBy(() -> ProducerContract.assertPayloadRecordMatches("schedule-events", "ScheduleCancelled",
                CancelledWithAnIntegerTime.class)).hasMessageContaining("departureTime is written as integer but the schema says string");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static Map<String, String> headersOf(JsonObject event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("eventType", event.getString("eventType"));
        headers.put("eventId", event.getString("eventId"));
        headers.put("correlationId", event.getString("correlationId"));
        return headers;
    }
}
