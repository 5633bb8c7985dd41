package com.msaair.platform.inbox;

import com.msaair.platform.event.EventEnvelope;

/**
 * A service's reaction to one event. It runs inside the transaction that also records the event as
 * processed. To refuse an event for good, throw {@link EventRejectedException} (it is parked with the
 * reason); any other exception is treated as passing trouble and retried.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(EventEnvelope event);
}
