package com.msaair.platform.inbox;

/** An event this service will never be able to apply as it stands; it is parked on the dead-letter topic. */
public class EventRejectedException extends RuntimeException {
    public EventRejectedException(String reason) {
        super(reason);
    }
}
