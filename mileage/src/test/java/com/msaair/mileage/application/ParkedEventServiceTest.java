package com.msaair.mileage.application;

import static com.msaair.mileage.application.ReservationEvents.created;
import static com.msaair.mileage.application.ReservationEvents.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.mileage.adapter.in.messaging.JsonReservationEventReader;
import com.msaair.mileage.domain.Email;
import com.msaair.mileage.domain.MileageEvents;
import com.msaair.mileage.domain.MileageException;
import com.msaair.platform.domain.DomainException;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.testing.RecordingOutbox;
import com.msaair.platform.testing.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An operator's retry of a reservation event parked because its customer was not registered. */
class ParkedEventServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final String NEWCOMER = "c-new";

    private final SteppingClock clock = new SteppingClock(NOW);
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final InMemoryParkedEvents parked = new InMemoryParkedEvents();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final ReservationEventHandler handler = new ReservationEventHandler();
    private final CustomerService customerService = new CustomerService();
    private final ParkedEventService service = new ParkedEventService();

    ParkedEventServiceTest() {
        MileageService mileage = new MileageService();
        mileage.customers = customers;
        mileage.outbox = outbox;
        mileage.clock = clock;
        handler.mileage = mileage;
        handler.parked = parked;
        handler.clock = clock;
        CustomerRegistration registration = new CustomerRegistration();
        registration.customers = customers;
        registration.outbox = outbox;
        registration.clock = clock;
        customerService.customers = customers;
        customerService.registration = registration;
        service.parked = parked;
        service.handler = handler;
        service.reader = new JsonReservationEventReader();
        service.clock = clock;
    }

    @Test
    void aParkedBookingIsAppliedOnceItsCustomerHasRegisteredAndOnlyOnce() {
        EventEnvelope booked = created(NEWCOMER, 11, 1200);
        handler.applyOrPark(read(booked));
        long id = service.unresolved(0, 10).get(0).id();

        assertThatThrownBy(() -> service.retry(id)).isInstanceOfSatisfying(MileageException.class, e -> {
            assertThat(e.code()).isEqualTo("customer-still-unknown");
            assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        });
        assertThat(service.countUnresolved()).as("still parked").isEqualTo(1);

        customerService.register(NEWCOMER, "Lee Jun", new Email("jun@example.com"));
        clock.advance(Duration.ofMinutes(5));
        ParkedEvents.Parked resolved = service.retry(id);

        assertThat(resolved.resolvedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(customerService.get(NEWCOMER).balance()).isEqualTo(1200);
        assertThat(outbox.published()).last().satisfies(increased -> {
            assertThat(increased.type()).isEqualTo(MileageEvents.MILEAGE_INCREASED);
            assertThat(increased.event().causationId()).as("caused by the parked booking").isEqualTo(booked.eventId());
        });
        assertThat(service.unresolved(0, 10)).isEmpty();

        assertThat(service.retry(id).resolvedAt()).as("a second retry changes nothing").isEqualTo(resolved.resolvedAt());
        assertThat(customerService.get(NEWCOMER).balance()).isEqualTo(1200);
        assertThat(outbox.types()).containsExactly(MileageEvents.CUSTOMER_REGISTERED, MileageEvents.MILEAGE_INCREASED);
    }

    @Test
    void anUnknownParkedEventIsNotFound() {
        assertThatThrownBy(() -> service.retry(99)).isInstanceOfSatisfying(MileageException.class, e -> {
            assertThat(e.code()).isEqualTo("parked-event-not-found");
            assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        });
    }
}
