package com.msaair.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each incoming channel is still consuming. Liberty's Kafka connector shuts a channel down
 * for good when its stream fails, and nothing else would notice; liveness reads this.
 */
@ApplicationScoped
public class ConsumerChannels {

    private final Map<String, String> stopped = new ConcurrentHashMap<>();
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    public void subscribed(String channel) {
        known.put(channel, Boolean.TRUE);
        stopped.remove(channel);
    }

    public void stopped(String channel, String reason) {
        known.put(channel, Boolean.TRUE);
        stopped.put(channel, reason);
    }

    /** Each known channel with "consuming" or the reason it stopped. */
    public Map<String, String> states() {
        Map<String, String> states = new TreeMap<>();
        known.keySet().forEach(channel -> states.put(channel, stopped.getOrDefault(channel, "consuming")));
        return states;
    }

    public boolean allConsuming() {
        return stopped.isEmpty();
    }
}
