package com.msaair.systemtest.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Events as they are on the topics: the record and its parsed envelope. */
public final class Events {

    public record Event(ConsumerRecord<String, String> record, JsonObject envelope) {

        public String type() {
            return envelope.getString("eventType");
        }

        public String correlationId() {
            return envelope.getString("correlationId");
        }

        public String eventId() {
            return envelope.getString("eventId");
        }

        public Optional<String> causationId() {
            return Optional.ofNullable(envelope.getString("causationId", null));
        }

        public JsonObject data() {
            return envelope.getJsonObject("data");
        }
    }

    private Events() {}

    /** Every parseable event on {@code topic}, in partition order. */
    public static List<Event> on(String topic) {
        return KafkaProbe.readAll(topic).stream().map(Events::parse).flatMap(Optional::stream).toList();
    }

    /** The events of {@code type} on {@code topic} whose correlation id is {@code correlationId}. */
    public static List<Event> correlated(String topic, String type, Object correlationId) {
        return on(topic).stream()
                .filter(e -> e.type().equals(type) && e.correlationId().equals(String.valueOf(correlationId)))
                .toList();
    }

    private static Optional<Event> parse(ConsumerRecord<String, String> record) {
        try (JsonReader reader = Json.createReader(new StringReader(record.value()))) {
            JsonObject json = reader.readObject();
            // Only what looks like an envelope: the topics also hold the hostile records tests wrote.
            return json.get("eventType") instanceof jakarta.json.JsonString && json.get("correlationId") instanceof jakarta.json.JsonString
                    && json.get("eventId") instanceof jakarta.json.JsonString && json.get("data") instanceof JsonObject
                    ? Optional.of(new Event(record, json))
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // poison messages written by tests
        }
    }
}
