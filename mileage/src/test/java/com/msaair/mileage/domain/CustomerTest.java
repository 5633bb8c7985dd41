package com.msaair.mileage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final Customer customer = Customer.register("c-42", "Kim Minji", new Email("Minji@Example.com"), NOW);

    @Test
    void accruesABookingsMilesOnce() {
        MileageEntry accrual = customer.accrue(7, 3000, Customer.BookingLedger.EMPTY, UUID.randomUUID(), NOW).orElseThrow();
        assertThat(accrual.kind()).isEqualTo(EntryKind.ACCRUAL);
        assertThat(accrual.customerId()).isEqualTo("c-42");
        assertThat(accrual.balanceAfter()).isEqualTo(3000);
        assertThat(customer.accrue(7, 3000, new Customer.BookingLedger(Optional.of(accrual), Optional.empty()), UUID.randomUUID(), NOW))
                .as("the same booking again").isEmpty();
        assertThat(customer.balance()).isEqualTo(3000);
    }

    @Test
    void aCancellationTakesBackExactlyWhatItsBookingAccruedOnce() {
        customer.accrue(1, 500, Customer.BookingLedger.EMPTY, UUID.randomUUID(), NOW);
        MileageEntry accrual = customer.accrue(7, 3000, Customer.BookingLedger.EMPTY, UUID.randomUUID(), NOW).orElseThrow();
        Customer.BookingLedger booked = new Customer.BookingLedger(Optional.of(accrual), Optional.empty());

        MileageEntry reversal = customer.reverse(7, booked, UUID.randomUUID(), NOW).orElseThrow();

        assertThat(reversal.miles()).isEqualTo(-3000);
        assertThat(customer.balance()).isEqualTo(500);
        assertThat(customer.reverse(7, new Customer.BookingLedger(Optional.of(accrual), Optional.of(reversal)), UUID.randomUUID(), NOW))
                .as("cancelled twice").isEmpty();
        assertThat(customer.balance()).isEqualTo(500);
    }

    @Test
    void aCancellationThatOvertookItsBookingBlocksTheLateAccrual() {
        MileageEntry reversal = customer.reverse(9, Customer.BookingLedger.EMPTY, UUID.randomUUID(), NOW).orElseThrow();
        assertThat(reversal.miles()).isZero();
        assertThat(customer.accrue(9, 1000, new Customer.BookingLedger(Optional.empty(), Optional.of(reversal)), UUID.randomUUID(), NOW)).isEmpty();
        assertThat(customer.balance()).isZero();
    }

    @Test
    void anEmailIsOneAddressWhateverItsCase() {
        assertThat(customer.email()).isEqualTo(new Email("minji@example.com"));
        assertThatThrownBy(() -> new Email("not an address")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Email("a@b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Customer.register("c-1", " ", new Email("x@y.z"), NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNameOfOneToAHundredCharactersAndOnlyPositiveMilesToAccrue() {
        assertThat(Customer.register("c-1", "x".repeat(Customer.MAX_NAME_LENGTH), new Email("x@y.z"), NOW).name()).hasSize(100);
        for (String name : new String[] {null, "", "x".repeat(Customer.MAX_NAME_LENGTH + 1)}) {
            assertThatThrownBy(() -> Customer.register("c-1", name, new Email("x@y.z"), NOW)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> customer.accrue(7, 0, Customer.BookingLedger.EMPTY, UUID.randomUUID(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(customer.balance()).isZero();
    }
}
