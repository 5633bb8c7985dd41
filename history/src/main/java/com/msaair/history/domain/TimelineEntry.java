package com.msaair.history.domain;

import java.time.Instant;

/**
 * One line of a customer's history, built only from an event: this service reads no other service's
 * data. Fields that do not apply to a kind of entry are empty.
 */
public class TimelineEntry {

    private Long id;
    private String customerId;
    private String eventId;
    private String eventType;
    private EntryKind kind;
    private String correlationId;
    private Long reservationId;
    private Long scheduleId;
    private String flightNumber;
    private Instant departureTime;
    private Integer passengers;
    /** The booking's seats (12A), separated by spaces; empty for entries without, and for events from before seats. */
    private String seats;
    private Long miles;
    private Long balanceAfter;
    private String reason;
    /** Money of the entry (a price paid, a refund), in minor units of {@code currency}. */
    private Long amount;
    private String currency;
    private Instant occurredAt;

    protected TimelineEntry() {
        // for the persistence adapter and the builder
    }

    public static Builder builder(String customerId, String eventId, String eventType, EntryKind kind, String correlationId, Instant occurredAt) {
        TimelineEntry entry = new TimelineEntry();
        entry.customerId = customerId;
        entry.eventId = eventId;
        entry.eventType = eventType;
        entry.kind = kind;
        entry.correlationId = correlationId;
        entry.occurredAt = occurredAt;
        return new Builder(entry);
    }

    /** Optional details of an entry, by name rather than by position; it fills in the entry it will give. */
    public static final class Builder {
        private final TimelineEntry entry;

        private Builder(TimelineEntry entry) {
            this.entry = entry;
        }

        public Builder booking(long reservationId, long scheduleId, String flightNumber) {
            entry.reservationId = reservationId;
            entry.scheduleId = scheduleId;
            entry.flightNumber = flightNumber;
            return this;
        }

        public Builder reservation(long reservationId) {
            entry.reservationId = reservationId;
            return this;
        }

        public Builder departure(Instant departureTime) {
            entry.departureTime = departureTime;
            return this;
        }

        public Builder passengers(int passengers) {
            entry.passengers = passengers;
            return this;
        }

        public Builder seats(java.util.List<String> seats) {
            entry.seats = seats.isEmpty() ? null : String.join(" ", seats);
            return this;
        }

        public Builder miles(long miles, Long balanceAfter) {
            entry.miles = miles;
            entry.balanceAfter = balanceAfter;
            return this;
        }

        public Builder amount(long amount, String currency) {
            entry.amount = amount;
            entry.currency = currency;
            return this;
        }

        public Builder reason(String reason) {
            entry.reason = reason;
            return this;
        }

        public TimelineEntry build() {
            return entry;
        }
    }

    public Long id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public EntryKind kind() {
        return kind;
    }

    public String correlationId() {
        return correlationId;
    }

    public Long reservationId() {
        return reservationId;
    }

    public Long scheduleId() {
        return scheduleId;
    }

    public String flightNumber() {
        return flightNumber;
    }

    public Instant departureTime() {
        return departureTime;
    }

    public Integer passengers() {
        return passengers;
    }

    /** The booking's seats, in order; none when the event carried none. */
    public java.util.List<String> seats() {
        return seats == null ? java.util.List.of() : java.util.List.of(seats.split(" "));
    }

    public Long miles() {
        return miles;
    }

    public Long balanceAfter() {
        return balanceAfter;
    }

    public String reason() {
        return reason;
    }

    public Long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
