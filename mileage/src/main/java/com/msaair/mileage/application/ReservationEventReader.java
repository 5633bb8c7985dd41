package com.msaair.mileage.application;

import com.msaair.platform.event.EventEnvelope;
import java.util.Optional;

/**
 * Reads a reservation event into what mileage applies (a port: the messaging adapter knows the
 * events' JSON). A parked event is read again this way when an operator retries it.
 */
public interface ReservationEventReader {

    /**
     * @return empty for an event that asks nothing of mileage
     * @throws com.msaair.platform.event.MalformedEventException when a field mileage needs is missing or
     *     wrong, or the event's type is unknown
     */
    Optional<ReservationEvent> read(EventEnvelope event);
}
