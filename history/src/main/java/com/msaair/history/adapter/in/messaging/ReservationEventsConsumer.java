package com.msaair.history.adapter.in.messaging;

import com.msaair.history.application.HistoryService;
import com.msaair.history.domain.EntryKind;
import com.msaair.history.domain.TimelineEntry;
import com.msaair.platform.domain.Money;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.inbox.EventConsumer;
import com.msaair.platform.inbox.EventHandler;
import com.msaair.platform.json.JsonFields;
import com.msaair.platform.security.CustomerIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A booking's story on the timeline: booked, cancelled, or released unpaid (a failed payment or an
 * expired hold). A hold tells the customer nothing yet (ignored); its end does. Each event type is read
 * by its own record below, only the members history needs (a tolerant reader). Rebuilding the view is
 * consuming the topics again from offset zero with a new consumer group into an empty database
 * (docs/events.md).
 */
@ApplicationScoped
@EventConsumer(channel = "reservation-events", handles = {"ReservationCreated", "ReservationCancelled", "ReservationReleased"},
        ignores = "ReservationHeld")
public class ReservationEventsConsumer implements EventHandler {

    @Inject
    HistoryService history;

    @Override
    public void handle(EventEnvelope event) {
        history.record(switch (event.eventType()) {
            case "ReservationCreated" -> ReservationCreated.read(event).entry(event);
            case "ReservationCancelled" -> ReservationCancelled.read(event).entry(event);
            case "ReservationReleased" -> ReservationReleased.read(event).entry(event);
            default -> throw MalformedEventException.unknownType(event.eventType());
        });
    }

    /** What every reservation event tells about its booking; an event from before seats has none and still applies. */
    record Booking(String customerId, long reservationId, long scheduleId, String flightNumber, int passengers, List<String> seats) {

        private static final Pattern SEAT = Pattern.compile("[1-9][0-9]{0,2}[A-Z]");

        static Booking read(JsonFields data) {
            return new Booking(data.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED),
                    data.requiredLong("reservationId", 1, Long.MAX_VALUE), data.requiredLong("scheduleId", 1, Long.MAX_VALUE),
                    data.requiredString("flightNumber", 10), data.requiredInt("passengers", 1, 1000),
                    data.optionalStrings("seats", 9, SEAT, "a seat like 12A").orElse(List.of()));
        }

        /** The booking's entry of {@code kind} for {@code event}, with what every booking entry shows. */
        TimelineEntry.Builder entry(EventEnvelope event, EntryKind kind) {
            return TimelineEntries.of(event, customerId, kind).booking(reservationId, scheduleId, flightNumber).passengers(passengers)
                    .seats(seats);
        }
    }

    record ReservationCreated(Booking booking, Instant departureTime, long miles, Money price) {

        static ReservationCreated read(EventEnvelope event) {
            return event.readData(data -> new ReservationCreated(Booking.read(data), data.requiredInstant("departureTime"),
                    data.requiredLong("miles", 0, Long.MAX_VALUE), data.requiredMoney("price", 0)));
        }

        TimelineEntry entry(EventEnvelope event) {
            return booking.entry(event, EntryKind.BOOKED).departure(departureTime).miles(miles, null).amount(price.amount(), price.currency())
                    .build();
        }
    }

    record ReservationCancelled(Booking booking, String reason, long miles) {

        static ReservationCancelled read(EventEnvelope event) {
            return event.readData(data -> new ReservationCancelled(Booking.read(data), data.requiredString("reason", 40),
                    data.requiredLong("miles", 0, Long.MAX_VALUE)));
        }

        TimelineEntry entry(EventEnvelope event) {
            return booking.entry(event, EntryKind.CANCELLED).reason(reason).miles(miles, null).build();
        }
    }

    /** {@code status} EXPIRED (the hold ran out) or PAYMENT_FAILED ({@code reason}: the processor's). */
    record ReservationReleased(Booking booking, String reason, String status) {

        static ReservationReleased read(EventEnvelope event) {
            return event.readData(data -> new ReservationReleased(Booking.read(data), data.requiredString("reason", 64),
                    data.requiredString("status", 20)));
        }

        TimelineEntry entry(EventEnvelope event) {
            return booking.entry(event, "EXPIRED".equals(status) ? EntryKind.HOLD_EXPIRED : EntryKind.PAYMENT_FAILED).reason(reason).build();
        }
    }
}
