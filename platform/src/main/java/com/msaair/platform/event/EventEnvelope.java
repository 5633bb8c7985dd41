package com.msaair.platform.event;

import com.msaair.platform.domain.DomainEvent;
import com.msaair.platform.json.JsonSupport;
import com.msaair.platform.json.JsonFields;
import com.msaair.platform.json.JsonShape;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import com.msaair.platform.security.CustomerIds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The envelope every MSA Air event travels in, on every topic.
 *
 * <p>{@code correlationId} ties a whole business flow together (the reservation id for a booking and
 * everything that follows from it; the schedule id for schedule events); {@code causationId} is the
 * event this one reacts to, so a chain can be followed backwards. {@code data} is the event's own
 * payload: each publisher owns its shape, and each consumer reads only the fields it needs.
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        Instant occurredAt,
        String correlationId,
        UUID causationId,
        String customerId,
        JsonObject data) {

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** A new event with a fresh id; {@code payload} is a record serialised with JSON-B. */
    public static EventEnvelope of(String eventType, Instant occurredAt, String correlationId, UUID causationId,
            String customerId, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), eventType, occurredAt, correlationId, causationId, customerId,
                toJsonObject(payload));
    }

    /** A new envelope with a fresh id for {@code event}, which happened at {@code occurredAt}, caused by the event {@code causationId} (or null). */
    public static EventEnvelope of(DomainEvent event, Instant occurredAt, UUID causationId) {
        return of(event.type(), occurredAt, event.correlationId(), causationId, event.customerId(), event);
    }

    /**
     * Reads this event's {@code data} into a typed record the tolerant way: {@code reader} asks only for
     * the members the consumer needs (any others are ignored), and every one missing or wrong is named
     * in one {@link MalformedEventException}, thrown before the record is used.
     */
    public <T> T readData(Function<JsonFields, T> reader) {
        JsonFields fields = JsonFields.tolerant(data);
        T read = reader.apply(fields);
        fields.validOrThrow(MalformedEventException::new);
        return read;
    }

    public Optional<UUID> causation() {
        return Optional.ofNullable(causationId);
    }

    public String toJson() {
        JsonObjectBuilder json = JsonSupport.objectBuilder()
                .add("eventId", eventId.toString())
                .add("eventType", eventType)
                .add("occurredAt", occurredAt.toString())
                .add("correlationId", correlationId);
        if (causationId != null) {
            json.add("causationId", causationId.toString());
        }
        if (customerId != null) {
            json.add("customerId", customerId);
        }
        return json.add("data", data).build().toString();
    }

    /**
     * Reads an envelope; anything that is not one is a {@link MalformedEventException} naming what is
     * wrong. Whatever a topic carries, nothing else is thrown: the text's shape is checked first
     * ({@link JsonShape#EVENT}: one value, bounded nesting and numbers, no member twice), and any
     * other exception a parser or reader raises on some input is reported as malformed too.
     */
    public static EventEnvelope fromJson(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedEventException("empty message");
        }
        try {
            JsonShape.EVENT.check(text);
        } catch (JsonShape.ShapeException e) {
            throw new MalformedEventException(List.of(e.error()));
        }
        try {
            return read(text);
        } catch (MalformedEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedEventException("unreadable: " + e.getClass().getSimpleName());
        }
    }

    private static EventEnvelope read(String text) {
        JsonObject json;
        try (JsonReader reader = JsonSupport.reader(new StringReader(text))) {
            json = reader.readObject();
        } catch (JsonParsingException e) {
            throw new MalformedEventException("not JSON");
        } catch (JsonException e) {
            throw new MalformedEventException("not a JSON object");
        }
        JsonFields fields = JsonFields.tolerant(json);
        UUID eventId = fields.requiredUuid("eventId");
        String eventType = fields.requiredString("eventType", 100);
        Instant occurredAt = fields.requiredInstant("occurredAt");
        String correlationId = fields.requiredString("correlationId", 100);
        UUID causationId = fields.optionalUuid("causationId").orElse(null);
        String customerId = json.containsKey("customerId") && !json.isNull("customerId")
                ? fields.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED)
                : null;
        JsonObject data = fields.requiredObject("data");
        fields.validOrThrow(MalformedEventException::new);
        return new EventEnvelope(eventId, eventType, occurredAt, correlationId, causationId, customerId, data);
    }

    private static JsonObject toJsonObject(Object payload) {
        if (payload instanceof JsonObject json) {
            return json;
        }
        try (JsonReader reader = JsonSupport.reader(new StringReader(JSONB.toJson(payload)))) {
            return reader.readObject();
        }
    }
}
