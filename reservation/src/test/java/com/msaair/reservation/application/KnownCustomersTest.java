package com.msaair.reservation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.reservation.domain.CustomerDirectory.CustomerCheck;
import com.msaair.reservation.domain.ReservationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Mileage never deletes a customer, so its "yes" is remembered (up to a bound, least recently used
 * first out); "unverified" (mileage down) and "no such customer" are asked again every time.
 */
class KnownCustomersTest {

    private final List<String> asked = new ArrayList<>();
    private final KnownCustomers customers = new KnownCustomers();

    KnownCustomersTest() {
        customers.directory = customerId -> {
            asked.add(customerId);
            if (customerId.startsWith("nobody")) {
                throw ReservationException.customerNotFound(customerId);
            }
            return customerId.startsWith("unverified") ? CustomerCheck.UNVERIFIED : CustomerCheck.VERIFIED;
        };
    }

    @Test
    void aCustomerMileageConfirmedIsNotAskedAboutAgain() {
        assertThat(customers.check("minji")).isEqualTo(CustomerCheck.VERIFIED);
        assertThat(customers.check("minji")).isEqualTo(CustomerCheck.VERIFIED);
        assertThat(customers.check("minji")).isEqualTo(CustomerCheck.VERIFIED);

        assertThat(asked).containsExactly("minji");
    }

    @Test
    void anUnverifiedAnswerIsAskedAgainNextTime() {
        assertThat(customers.check("unverified-1")).isEqualTo(CustomerCheck.UNVERIFIED);
        assertThat(customers.check("unverified-1")).isEqualTo(CustomerCheck.UNVERIFIED);

        assertThat(asked).containsExactly("unverified-1", "unverified-1");
    }

    @Test
    void noSuchCustomerIsAskedAgainNextTimeAndStillRefused() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> customers.check("nobody-1")).isInstanceOf(ReservationException.class);
        }
        assertThat(asked).containsExactly("nobody-1", "nobody-1");
    }

    @Test
    void theRememberedAreBoundedAndTheLeastRecentlyBookedGoFirst() {
        customers.check("first");
        customers.check("second");
        for (int i = 0; i < KnownCustomers.REMEMBERED - 2; i++) {
            customers.check("c-" + i);
        }
        customers.check("first"); // booked again: the most recent now
        asked.clear();

        customers.check("one-too-many");
        customers.check("first");
        customers.check("second");

        assertThat(Set.copyOf(asked)).as("the bound pushed out the least recently booked, not the first one remembered")
                .isEqualTo(Set.of("one-too-many", "second"));
    }
}
