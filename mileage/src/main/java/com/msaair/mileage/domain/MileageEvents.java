package com.msaair.mileage.domain;

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

    /** {@code miles} added or removed (always positive here) and the balance after. */
    public record MileageChanged(String customerId, long reservationId, long miles, long balance) {

        public static MileageChanged of(MileageEntry entry) {
            return new MileageChanged(entry.customerId(), entry.reservationId(), Math.abs(entry.miles()), entry.balanceAfter());
        }
    }

    /** Lets other services (notification) know how to reach the customer. */
    public record CustomerRegistered(String customerId, String name, String email) {

        public static CustomerRegistered of(Customer customer) {
            return new CustomerRegistered(customer.id(), customer.name(), customer.email().value());
        }
    }
}
