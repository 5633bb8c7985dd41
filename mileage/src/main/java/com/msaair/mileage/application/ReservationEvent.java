package com.msaair.mileage.application;

import com.msaair.platform.event.EventEnvelope;

/**
 * A reservation event as mileage applies it, read from its JSON by the messaging adapter: a confirmed
 * booking's miles to accrue, or a cancelled booking's to take back. {@code envelope} is the event as it
 * came: its id is the ledger line's cause, its correlation id goes on in the mileage event, and an
 * event whose customer is unknown is parked whole.
 */
public record ReservationEvent(EventEnvelope envelope, Change change, String customerId, long reservationId, long miles) {

    public enum Change {
        ACCRUE,
        REVERSE
    }
}
