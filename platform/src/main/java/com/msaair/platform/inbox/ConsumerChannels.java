package com.msaair.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each incoming channel is consuming, and whether it is making progress. A channel's consumer
 * loop heals itself (a failed Kafka consumer is replaced in place); what it cannot heal — failing
 * again and again, its thread gone — makes it stopped, and liveness reads {@link #states}. A
 * consumer can also be alive and stuck on one message — waiting for a database that refuses every
 * write, unable to park — which readiness reads from {@link #stalled}.
 */
@ApplicationScoped
public class ConsumerChannels {

    private final Map<String, String> stopped = new ConcurrentHashMap<>();
    private final Map<String, String> recovering = new ConcurrentHashMap<>();
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();
    private final Map<String, Work> working = new ConcurrentHashMap<>();

    /** What a channel's worker is busy with: since when, on what, and the last trouble it met. */
    private record Work(Instant since, String on, String trouble) {}

    /** The channel consumes (again). */
    public void consuming(String channel) {
        known.put(channel, Boolean.TRUE);
        stopped.remove(channel);
        recovering.remove(channel);
    }

    /** The channel's consumer failed and is being replaced in place; still alive. */
    public void recovering(String channel, String reason) {
        known.put(channel, Boolean.TRUE);
        recovering.put(channel, reason);
    }

    public void stopped(String channel, String reason) {
        known.put(channel, Boolean.TRUE);
        stopped.put(channel, reason);
        working.remove(channel);
    }

    /** The channel's worker took up messages (starting with {@code first}) at {@code now}. */
    public void working(String channel, String first, Instant now) {
        working.put(channel, new Work(now, first, null));
    }

    /** The channel's worker finished what it took up. */
    public void done(String channel) {
        working.remove(channel);
    }

    /** Why the channel's current work does not finish (it is retrying). */
    public void trouble(String channel, String trouble) {
        working.computeIfPresent(channel, (name, work) -> new Work(work.since(), work.on(), trouble));
    }

    /** Each known channel with "consuming", "recovering: why" or the reason it stopped. */
    public Map<String, String> states() {
        Map<String, String> states = new TreeMap<>();
        known.keySet().forEach(channel -> states.put(channel, stopped.getOrDefault(channel,
                recovering.containsKey(channel) ? "recovering: " + recovering.get(channel) : "consuming")));
        return states;
    }

    public boolean allConsuming() {
        return stopped.isEmpty();
    }

    /** The channels whose worker has been busy with the same messages for longer than {@code limit}, and why. */
    public Map<String, String> stalled(Instant now, Duration limit) {
        Map<String, String> stalled = new TreeMap<>();
        working.forEach((channel, work) -> {
            Duration busy = Duration.between(work.since(), now);
            if (busy.compareTo(limit) > 0) {
                stalled.put(channel, "no progress for " + busy.toSeconds() + " s at " + work.on()
                        + (work.trouble() == null ? "" : ": " + work.trouble()));
            }
        });
        return stalled;
    }
}
