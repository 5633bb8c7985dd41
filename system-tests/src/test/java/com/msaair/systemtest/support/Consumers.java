package com.msaair.systemtest.support;

import com.msaair.localstack.Service;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every consumer of every service, and whether it is applying events: read from each service's
 * {@code msaair_consumer_messages_total{channel, outcome="applied"}}.
 */
public final class Consumers {

    /** The channels (topics) each service consumes. */
    public static final Map<Service, List<String>> CHANNELS = Map.of(
            Service.RESERVATION, List.of("schedule-events", "payment-events"),
            Service.PAYMENT, List.of("reservation-events"),
            Service.MILEAGE, List.of("reservation-events"),
            Service.NOTIFICATION, List.of("reservation-events", "mileage-events", "payment-events"),
            Service.HISTORY, List.of("reservation-events", "mileage-events", "payment-events"));

    private Consumers() {}

    /** How many events each consumer ("service/channel") has applied so far. */
    public static Map<String, Double> applied() {
        Map<String, Double> applied = new LinkedHashMap<>();
        CHANNELS.forEach((service, channels) -> channels.forEach(channel -> applied.put(service.serverName() + "/" + channel,
                Metrics.application(service, "msaair_consumer_messages_total", "channel=\"" + channel + "\"", "outcome=\"applied\""))));
        return applied;
    }

    /**
     * Waits until every consumer has applied an event more than it had in {@code before}, and returns
     * how long that took. Something must be published to every channel meanwhile: a booking load with
     * cancellations reaches all but reservation's schedule-events, which a new flight reaches.
     */
    public static Duration awaitEveryOneApplying(Map<String, Double> before, Duration timeout) {
        long start = System.nanoTime();
        Eventually.await("every consumer applying events again (was " + before + ")", timeout, Consumers::applied,
                now -> before.entrySet().stream().allMatch(e -> now.getOrDefault(e.getKey(), 0.0) > e.getValue()));
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
