package com.msaair.mileage.application;

import com.msaair.platform.event.EventEnvelope;

/**
 * Reads a reservation event into what mileage applies (a port: the messaging adapter knows the
 * events' JSON). A parked event is read again this way when an operator retries it.
 */
public interface ReservationEventReader {

    /**
     * Reads a ReservationCreated or ReservationCancelled: the only types mileage is handed (the consumer
     * acknowledges the others without reading them).
     *
     * @throws com.msaair.platform.event.MalformedEventException when a field mileage needs is missing or
     *     wrong, or the event is of another type
     */
    ReservationEvent read(EventEnvelope event);
}
