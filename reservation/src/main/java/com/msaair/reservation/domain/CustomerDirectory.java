package com.msaair.reservation.domain;

/**
 * Answers "is this a registered customer?" (a port). Mileage must never block booking: when the
 * customer service cannot answer, the answer is {@link CustomerCheck#UNVERIFIED} and booking goes on.
 */
public interface CustomerDirectory {

    enum CustomerCheck {
        VERIFIED,
        UNVERIFIED
    }

    /** @throws ReservationException when the customer service says the customer does not exist */
    CustomerCheck check(String customerId);
}
