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
        // for the persistence adapter
    }

    private TimelineEntry(Builder b) {
        this.customerId = b.customerId;
        this.eventId = b.eventId;
        this.eventType = b.eventType;
        this.kind = b.kind;
        this.correlationId = b.correlationId;
        this.reservationId = b.reservationId;
        this.scheduleId = b.scheduleId;
        this.flightNumber = b.flightNumber;
        this.departureTime = b.departureTime;
        this.passengers = b.passengers;
        this.seats = b.seats;
        this.miles = b.miles;
        this.balanceAfter = b.balanceAfter;
        this.reason = b.reason;
        this.amount = b.amount;
        this.currency = b.currency;
        this.occurredAt = b.occurredAt;
    }

    public static Builder builder(String customerId, String eventId, String eventType, EntryKind kind, String correlationId, Instant occurredAt) {
        return new Builder(customerId, eventId, eventType, kind, correlationId, occurredAt);
    }

    /** Optional details of an entry, by name rather than by position. */
    public static final class Builder {
        private final String customerId;
        private final String eventId;
        private final String eventType;
        private final EntryKind kind;
        private final String correlationId;
        private final Instant occurredAt;
        private Long reservationId;
        private Long scheduleId;
        private String flightNumber;
        private Instant departureTime;
        private Integer passengers;
        private String seats;
        private Long miles;
        private Long balanceAfter;
        private String reason;
        private Long amount;
        private String currency;

        private Builder(String customerId, String eventId, String eventType, EntryKind kind, String correlationId, Instant occurredAt) {
            this.customerId = customerId;
            this.eventId = eventId;
            this.eventType = eventType;
            this.kind = kind;
            this.correlationId = correlationId;
            this.occurredAt = occurredAt;
        }

        public Builder booking(long reservationId, long scheduleId, String flightNumber) {
            this.reservationId = reservationId;
            this.scheduleId = scheduleId;
            this.flightNumber = flightNumber;
            return this;
        }

        public Builder reservation(long reservationId) {
            this.reservationId = reservationId;
            return this;
        }

        public Builder departure(Instant departureTime) {
            this.departureTime = departureTime;
            return this;
        }

        public Builder passengers(int passengers) {
            this.passengers = passengers;
            return this;
        }

        public Builder seats(java.util.List<String> seats) {
            this.seats = seats.isEmpty() ? null : String.join(" ", seats);
            return this;
        }

        public Builder miles(long miles, Long balanceAfter) {
            this.miles = miles;
            this.balanceAfter = balanceAfter;
            return this;
        }

        public Builder amount(long amount, String currency) {
            this.amount = amount;
            this.currency = currency;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public TimelineEntry build() {
            return new TimelineEntry(this);
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
