package com.msaair.mileage.domain;

import com.msaair.platform.domain.BookingEvent;
import com.msaair.platform.domain.DomainEvent;

/**
 * What the mileage service tells the others, on {@code mileage-events} keyed by customer id. These
 * records are this service's published contract.
 */
public final class MileageEvents {

    public static final String TOPIC = "mileage-events";
    public static final String MILEAGE_INCREASED = "MileageIncreased";
    public static final String MILEAGE_DECREASED = "MileageDecreased";
    public static final String CUSTOMER_REGISTERED = "CustomerRegistered";

    private MileageEvents() {}

    /** A mileage event: on {@code mileage-events}, keyed by its customer (a customer's events stay in order). */
    public sealed interface Event extends DomainEvent permits MileageIncreased, MileageDecreased, CustomerRegistered {

        @Override
        default String topic() {
            return TOPIC;
        }
    }

    /**
     * What a line of the ledger changed, announced when it moved miles: an accrual adds them, a
     * reversal takes them back.
     */
    public static Event changed(MileageEntry entry) {
        long miles = Math.abs(entry.miles());
        return entry.kind() == EntryKind.ACCRUAL
                ? new MileageIncreased(entry.customerId(), entry.reservationId(), miles, entry.balanceAfter())
                : new MileageDecreased(entry.customerId(), entry.reservationId(), miles, entry.balanceAfter());
    }

    /** {@code miles} added for a booking and the balance after; in the booking's flow. */
    public record MileageIncreased(String customerId, long reservationId, long miles, long balance) implements Event, BookingEvent {}

    /** {@code miles} of a booking taken back (always positive here) and the balance after; in the booking's flow. */
    public record MileageDecreased(String customerId, long reservationId, long miles, long balance) implements Event, BookingEvent {}

    /** Lets other services (notification) know how to reach the customer; in the customer's own flow. */
    public record CustomerRegistered(String customerId, String name, String email) implements Event {

        public static CustomerRegistered of(Customer customer) {
            return new CustomerRegistered(customer.id(), customer.name(), customer.email().value());
        }

        @Override
        public String correlationId() {
            return customerId;
        }
    }
}
