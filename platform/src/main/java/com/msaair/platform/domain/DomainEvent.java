package com.msaair.platform.domain;

/**
 * An event a service publishes: a record whose components are the event's {@code data}, exactly as
 * the publisher's contract has it (contracts/events), and which knows where it goes. The outbox puts
 * it in the envelope every event travels in ({@code Outbox.publish(event, occurredAt)}); none of these
 * methods is written into the data (JSON-B writes a record's components only).
 */
public interface DomainEvent {

    /** The topic it is published on. */
    String topic();

    /**
     * Its {@code eventType}: the record's name, so that an event's type cannot drift from what it is
     * called (each publisher's contract test holds the names to contracts/events).
     */
    default String type() {
        return getClass().getSimpleName();
    }

    /** The record key: one key's events stay in order — by default its customer's. */
    default String key() {
        return customerId();
    }

    /**
     * The business flow it belongs to: the reservation id for a booking and everything that follows
     * from it, the schedule id for a flight, the customer id for a registration.
     */
    String correlationId();

    /** The customer it concerns, written into the envelope; null when it concerns none (a flight's events). */
    String customerId();
}
