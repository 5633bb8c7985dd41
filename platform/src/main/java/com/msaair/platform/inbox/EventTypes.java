package com.msaair.platform.inbox;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event types a consumer applies on a channel, and those it knows and has nothing to do for.
 * An ignored event is acknowledged without a transaction: its effect, none, is the same however often
 * it arrives, so it needs no inbox row. A type in neither set is one the consumer does not know; it is
 * parked ({@code REJECTED}) as before, for an operator to replay once a consumer that knows it is
 * deployed.
 */
public record EventTypes(Set<String> handled, Set<String> ignored) {

    /** What becomes of one event type. */
    public enum Disposition {
        HANDLED, IGNORED, UNKNOWN
    }

    public EventTypes {
        handled = Set.copyOf(handled);
        ignored = Set.copyOf(ignored);
        Set<String> both = new TreeSet<>(handled);
        both.retainAll(ignored);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("handled and ignored at once: " + both);
        }
    }

    public static EventTypes handling(String... types) {
        return new EventTypes(Set.of(types), Set.of());
    }

    /** The types {@code consumer} declares in its {@link EventConsumer}. */
    public static EventTypes declaredBy(Class<?> consumer) {
        EventConsumer declared = EventConsumers.declaration(consumer);
        return handling(declared.handles()).ignoring(declared.ignores());
    }

    public EventTypes ignoring(String... types) {
        Set<String> more = new TreeSet<>(ignored);
        more.addAll(Arrays.asList(types));
        return new EventTypes(handled, more);
    }

    public Disposition of(String eventType) {
        if (handled.contains(eventType)) {
            return Disposition.HANDLED;
        }
        return ignored.contains(eventType) ? Disposition.IGNORED : Disposition.UNKNOWN;
    }
}
