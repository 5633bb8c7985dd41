package com.msaair.contracts;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fast half of a publisher's check, without a stack: the record a publisher serialises as an
 * event's {@code data} (JSON-B writes each component under its name) has exactly the members the
 * schema allows, each of the schema's type, and every one of them required — so renaming or removing
 * a component, or adding one the schema does not know, fails the publisher's unit tests. The system
 * tests then validate the records the real servers put on the real broker ({@code EventContractsIT}).
 */
public final class ProducerContract {

    private ProducerContract() {}

    /** @throws AssertionError naming each member the record and the schema disagree on */
    public static void assertPayloadRecordMatches(String topic, String eventType, Class<? extends Record> payload) {
        EventContracts contracts = EventContracts.get();
        Map<String, String> written = new TreeMap<>();
        for (RecordComponent component : payload.getRecordComponents()) {
            written.put(component.getName(), jsonType(component.getType()));
        }
        Map<String, String> allowed = contracts.dataTypes(topic, eventType);
        Set<String> problems = new TreeSet<>();
        written.forEach((name, type) -> {
            if (!allowed.containsKey(name)) {
                problems.add(name + " is written but not in the schema");
            } else if (!allowed.get(name).equals(type)) {
                problems.add(name + " is written as " + type + " but the schema says " + allowed.get(name));
            }
        });
        allowed.keySet().stream().filter(name -> !written.containsKey(name))
                .forEach(name -> problems.add(name + " is in the schema but not written"));
        Set<String> optional = new TreeSet<>(written.keySet());
        optional.removeAll(contracts.requiredDataFields(topic, eventType));
        optional.forEach(name -> problems.add(name + " is always written but the schema does not require it"));
        if (!problems.isEmpty()) {
            throw new AssertionError(payload.getSimpleName() + " does not keep the contract of " + eventType + " on " + topic
                    + ": " + problems);
        }
    }

    private static String jsonType(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == String.class || type == Instant.class || type.isEnum()) {
            return "string";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }
}
