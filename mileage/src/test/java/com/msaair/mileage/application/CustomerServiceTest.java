package com.msaair.mileage.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.mileage.domain.Customer;
import com.msaair.mileage.domain.Email;
import com.msaair.mileage.domain.MileageEvents;
import com.msaair.mileage.domain.MileageException;
import com.msaair.platform.domain.DomainException;
import com.msaair.platform.testing.RecordingOutbox;
import com.msaair.platform.testing.SteppingClock;
import java.sql.SQLTransactionRollbackException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Registering as a customer, with the customers and the outbox in memory. */
class CustomerServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final CustomerService service = new CustomerService();

    CustomerServiceTest() {
        CustomerRegistration registration = new CustomerRegistration();
        registration.customers = customers;
        registration.outbox = outbox;
        registration.clock = new SteppingClock(NOW);
        service.customers = customers;
        service.registration = registration;
    }

    @Test
    void aNewCustomerIsKeptWithNoMilesAndAnnouncedSoTheyCanBeReached() {
        Customer kim = service.register("c-42", "  Kim Minji ", new Email("Minji@Example.com"));

        assertThat(service.get("c-42")).isSameAs(kim);
        assertThat(kim.name()).isEqualTo("Kim Minji");
        assertThat(kim.email().value()).isEqualTo("minji@example.com");
        assertThat(kim.balance()).isZero();
        assertThat(kim.registeredAt()).isEqualTo(NOW);
        assertThat(outbox.published()).singleElement().satisfies(registered -> {
            assertThat(registered.topic()).isEqualTo(MileageEvents.TOPIC);
            assertThat(registered.type()).isEqualTo(MileageEvents.CUSTOMER_REGISTERED);
            assertThat(registered.key()).isEqualTo("c-42");
            assertThat(registered.event().customerId()).isEqualTo("c-42");
            assertThat(registered.event().data().getString("name")).isEqualTo("Kim Minji");
            assertThat(registered.event().data().getString("email")).isEqualTo("minji@example.com");
        });
    }

    @Test
    void onePersonIsOneCustomerAndOneAddressIsOneCustomer() {
        service.register("c-42", "Kim Minji", new Email("minji@example.com"));

        assertThatThrownBy(() -> service.register("c-42", "Kim Minji", new Email("other@example.com")))
                .isInstanceOfSatisfying(MileageException.class, e -> {
                    assertThat(e.code()).isEqualTo("already-a-customer");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                });
        assertThatThrownBy(() -> service.register("c-43", "Park Minji", new Email("MINJI@example.com")))
                .isInstanceOfSatisfying(MileageException.class, e -> {
                    assertThat(e.code()).isEqualTo("email-taken");
                    assertThat(e.field()).isEqualTo("email");
                });
        assertThat(outbox.types()).as("nothing announced for a refusal").containsExactly(MileageEvents.CUSTOMER_REGISTERED);
    }

    @Test
    void aRegistrationThatLosesTheRaceForItsAddressIsToldTheAddressIsTaken() {
        customers.beforeAdd = () -> {
            customers.beforeAdd = () -> {};
            customers.add(Customer.register("c-rival", "Rival", new Email("minji@example.com"), NOW));
        };

        assertThatThrownBy(() -> service.register("c-42", "Kim Minji", new Email("minji@example.com")))
                .isInstanceOfSatisfying(MileageException.class, e -> assertThat(e.code()).isEqualTo("email-taken"));
        assertThat(outbox.published()).isEmpty();
    }

    @Test
    void aLockConflictIsLeftAsItIsForTheRetryToRunItAgain() {
        RuntimeException deadlock = new IllegalStateException(new SQLTransactionRollbackException("deadlock", "40001"));
        customers.beforeAdd = () -> {
            throw deadlock;
        };

        assertThatThrownBy(() -> service.register("c-42", "Kim Minji", new Email("minji@example.com"))).isSameAs(deadlock);
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        assertThatThrownBy(() -> service.get("c-nobody")).isInstanceOfSatisfying(MileageException.class, e -> {
            assertThat(e.code()).isEqualTo("customer-not-found");
            assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        });
    }
}
