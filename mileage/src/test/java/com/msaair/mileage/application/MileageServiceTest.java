package com.msaair.mileage.application;

import static com.msaair.mileage.application.ReservationEvents.cancelled;
import static com.msaair.mileage.application.ReservationEvents.created;
import static com.msaair.mileage.application.ReservationEvents.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.msaair.mileage.domain.Customer;
import com.msaair.mileage.domain.Email;
import com.msaair.mileage.domain.EntryKind;
import com.msaair.mileage.domain.MileageEntry;
import com.msaair.mileage.domain.MileageEvents;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.testing.RecordingOutbox;
import com.msaair.platform.testing.SteppingClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Accrual and reversal of a booking's miles, from the reservation events the messaging adapter
 * reads, with the customers, the ledger, the parked events and the outbox in memory.
 */
class MileageServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final String KIM = "5f0c2d8e-7a41-4f0e-9c55-3b8e1d2f6a70";

    private final SteppingClock clock = new SteppingClock(NOW);
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final InMemoryParkedEvents parked = new InMemoryParkedEvents();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final ReservationEventHandler handler = new ReservationEventHandler();
    private final CustomerService customerService = new CustomerService();

    MileageServiceTest() {
        MileageService mileage = new MileageService();
        mileage.customers = customers;
        mileage.outbox = outbox;
        mileage.clock = clock;
        handler.mileage = mileage;
        handler.parked = parked;
        handler.clock = clock;
        customerService.customers = customers;
        customers.add(Customer.register(KIM, "Kim Minji", new Email("minji@example.com"), NOW));
    }

    private void consume(EventEnvelope event) {
        handler.applyOrPark(read(event));
    }

    private long balance() {
        return customerService.get(KIM).balance();
    }

    @Test
    void aConfirmedBookingEarnsItsMilesOnceAndSaysSo() {
        EventEnvelope booked = created(KIM, 7, 3000);

        consume(booked);
        consume(created(KIM, 7, 3000));

        assertThat(balance()).isEqualTo(3000);
        assertThat(customers.locked).as("two events of one customer take turns").containsExactly(KIM, KIM);
        assertThat(customerService.ledger(KIM, 0, 10)).singleElement().satisfies(accrual -> {
            assertThat(accrual.kind()).isEqualTo(EntryKind.ACCRUAL);
            assertThat(accrual.miles()).isEqualTo(3000);
            assertThat(accrual.balanceAfter()).isEqualTo(3000);
            assertThat(accrual.eventId()).as("the booking it is for").isEqualTo(booked.eventId().toString());
            assertThat(accrual.recordedAt()).isEqualTo(NOW);
        });
        assertThat(outbox.published()).as("announced once").singleElement().satisfies(increased -> {
            assertThat(increased.topic()).isEqualTo(MileageEvents.TOPIC);
            assertThat(increased.type()).isEqualTo(MileageEvents.MILEAGE_INCREASED);
            assertThat(increased.key()).isEqualTo(KIM);
            assertThat(increased.event().causationId()).isEqualTo(booked.eventId());
            assertThat(increased.event().correlationId()).as("the booking's flow").isEqualTo(booked.correlationId());
            assertThat(increased.event().customerId()).isEqualTo(KIM);
            assertThat(increased.event().data().getJsonNumber("miles").longValue()).isEqualTo(3000);
            assertThat(increased.event().data().getJsonNumber("balance").longValue()).isEqualTo(3000);
        });
    }

    @Test
    void aCancellationTakesBackExactlyWhatItsBookingEarnedOnce() {
        consume(created(KIM, 7, 3000));
        consume(created(KIM, 8, 500));
        EventEnvelope cancellation = cancelled(KIM, 7);

        consume(cancellation);
        consume(cancelled(KIM, 7));

        assertThat(balance()).isEqualTo(500);
        assertThat(customerService.ledger(KIM, 0, 10)).as("newest first, each with the balance after it")
                .extracting(MileageEntry::kind, MileageEntry::reservationId, MileageEntry::miles, MileageEntry::balanceAfter)
                .containsExactly(tuple(EntryKind.REVERSAL, 7L, -3000L, 500L), tuple(EntryKind.ACCRUAL, 8L, 500L, 3500L),
                        tuple(EntryKind.ACCRUAL, 7L, 3000L, 3000L));
        assertThat(customerService.ledgerSize(KIM)).isEqualTo(3);
        assertThat(outbox.types()).containsExactly(MileageEvents.MILEAGE_INCREASED, MileageEvents.MILEAGE_INCREASED,
                MileageEvents.MILEAGE_DECREASED);
        var decreased = outbox.published().get(2);
        assertThat(decreased.event().causationId()).isEqualTo(cancellation.eventId());
        assertThat(decreased.event().data().getJsonNumber("miles").longValue()).as("the miles taken back, as a positive number")
                .isEqualTo(3000);
        assertThat(decreased.event().data().getJsonNumber("balance").longValue()).isEqualTo(500);
    }

    @Test
    void aCancellationThatOvertakesItsBookingIsAZeroReversalAndTheLateBookingEarnsNothing() {
        consume(cancelled(KIM, 9));
        consume(created(KIM, 9, 1000));

        assertThat(balance()).isZero();
        assertThat(customerService.ledger(KIM, 0, 10)).singleElement().satisfies(reversal -> {
            assertThat(reversal.kind()).isEqualTo(EntryKind.REVERSAL);
            assertThat(reversal.miles()).isZero();
        });
        assertThat(outbox.published()).as("no change, nothing to tell").isEmpty();
    }

    @Test
    void theEventOfACustomerNotRegisteredIsParkedForAnOperatorAndChangesNothing() {
        EventEnvelope booked = created("c-unknown", 11, 1200);

        consume(booked);

        assertThat(parked.unresolved(0, 10)).singleElement().satisfies(p -> {
            assertThat(p.eventId()).isEqualTo(booked.eventId().toString());
            assertThat(p.eventType()).isEqualTo(ReservationEventHandler.RESERVATION_CREATED);
            assertThat(p.customerId()).isEqualTo("c-unknown");
            assertThat(p.reservationId()).isEqualTo(11);
            assertThat(p.reason()).isEqualTo("customer c-unknown is not registered");
            assertThat(p.parkedAt()).isEqualTo(NOW);
            assertThat(EventEnvelope.fromJson(p.event())).as("kept whole, to be applied later").isEqualTo(booked);
        });
        assertThat(customerService.ledgerSize("c-unknown")).isZero();
        assertThat(balance()).isZero();
        assertThat(outbox.published()).isEmpty();
    }
}
