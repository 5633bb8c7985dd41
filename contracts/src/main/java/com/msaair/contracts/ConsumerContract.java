package com.msaair.contracts;

import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.inbox.EventConsumers;
import com.msaair.platform.inbox.EventTypes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Holds a consumer to the events its publisher promises, from the contract's own examples:
 * <ol>
 *   <li>every example is accepted;</li>
 *   <li>the tolerant reader: an example with members the contract does not know yet (in the envelope
 *       and in its data) is accepted too, so a publisher may add a field without asking anyone;</li>
 *   <li>what it needs is promised: each data member whose absence makes the consumer refuse the event
 *       must be required by the schema (otherwise a publisher could drop it within its contract and
 *       the consumer would park good events in production).</li>
 * </ol>
 * The consumer under test is its real reading code, from the envelope on; what it would do with the
 * event (a database write) is replaced by the test.
 */
public final class ConsumerContract {

    /** The consumer's reaction to one event; an exception means it refused the event. */
    @FunctionalInterface
    public interface Consumer {
        void accept(EventEnvelope event) throws Exception;
    }

    private ConsumerContract() {}

    /**
     * Runs the three checks for one event type.
     *
     * @return the data members the consumer needs (those it refuses an event without), for the test
     *     to state
     * @throws AssertionError naming the first broken promise
     */
    public static Set<String> verify(String topic, String eventType, Consumer consumer) {
        EventContracts contracts = EventContracts.get();
        List<String> examples = contracts.examples(topic, eventType);
        if (examples.isEmpty()) {
            throw new AssertionError("the contract of " + eventType + " on " + topic + " gives no example");
        }
        Set<String> required = contracts.requiredDataFields(topic, eventType);
        Set<String> needs = new TreeSet<>();
        for (String example : examples) {
            EventEnvelope event = EventEnvelope.fromJson(example);
            refusal(consumer, event).ifPresent(why -> {
                throw new AssertionError(eventType + ": the consumer refuses the contract's example: " + why + "\n" + example);
            });
            EventEnvelope extended = EventEnvelope.fromJson(withUnknownMembers(example));
            refusal(consumer, extended).ifPresent(why -> {
                throw new AssertionError(eventType + ": the consumer refuses an event with members it does not know"
                        + " (a tolerant reader ignores them): " + why);
            });
            for (String field : new ArrayList<>(event.data().keySet())) {
                JsonObject data = Json.createObjectBuilder(event.data()).remove(field).build();
                EventEnvelope without = new EventEnvelope(event.eventId(), event.eventType(), event.occurredAt(),
                        event.correlationId(), event.causationId(), event.customerId(), data);
                if (refusal(consumer, without).isPresent()) {
                    needs.add(field);
                }
            }
        }
        Set<String> unpromised = new TreeSet<>(needs);
        unpromised.removeAll(required);
        if (!unpromised.isEmpty()) {
            throw new AssertionError(eventType + ": the consumer needs " + unpromised
                    + " but the contract does not require them (required: " + required + ")");
        }
        return needs;
    }

    /**
     * The consumer knows every event type its publisher's contract names on {@code topic} — each is
     * handled or ignored — and no other: a type it did not declare would be parked as unknown.
     */
    public static void knowsEveryType(Class<?> consumer) {
        String topic = EventConsumers.channelOf(consumer);
        EventTypes types = EventTypes.declaredBy(consumer);
        Set<String> declared = new TreeSet<>(types.handled());
        declared.addAll(types.ignored());
        Set<String> promised = new TreeSet<>(EventContracts.get().eventTypes(topic));
        if (!declared.equals(promised)) {
            throw new AssertionError("the consumer of " + topic + " declares " + declared + " (handled " + new TreeSet<>(types.handled())
                    + ", ignored " + new TreeSet<>(types.ignored()) + ") but the contract names " + promised);
        }
    }

    private static Optional<String> refusal(Consumer consumer, EventEnvelope event) {
        try {
            consumer.accept(event);
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The example with a member added at the top and in {@code data}, of a shape nobody knows. */
    static String withUnknownMembers(String example) {
        JsonObject envelope = Json.createReader(new StringReader(example)).readObject();
        JsonObject unknown = Json.createObjectBuilder().add("addedLater", Json.createArrayBuilder().add(1).add("two")).build();
        JsonObjectBuilder data = Json.createObjectBuilder(envelope.getJsonObject("data")).add("zAddedLater", unknown);
        return Json.createObjectBuilder(envelope).add("traceHint", unknown).add("data", data).build().toString();
    }
}
