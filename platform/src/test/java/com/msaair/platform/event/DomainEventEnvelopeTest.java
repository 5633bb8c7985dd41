package com.msaair.platform.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.platform.domain.BookingEvent;
import com.msaair.platform.domain.Money;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An event record that knows where it goes: the envelope takes its type, flow and customer; its data is its components alone. */
class DomainEventEnvelopeTest {

    public record Paid(long reservationId, String customerId, Money amount) implements BookingEvent {

        @Override
        public String topic() {
            return "payment-events";
        }

        @Override
        public String type() {
            return "Paid";
        }
    }

    @Test
    void theEnvelopeComesFromTheRecordAndTheDataIsItsComponentsOnly() {
        Paid paid = new Paid(7, "c-1", new Money(250_000, "KRW"));
        UUID cause = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-21T10:00:00Z");

        EventEnvelope event = EventEnvelope.of(paid, at, cause);

        assertThat(paid.key()).as("keyed by its customer").isEqualTo("c-1");
        assertThat(event.eventType()).isEqualTo("Paid");
        assertThat(event.correlationId()).as("the booking's flow").isEqualTo("7");
        assertThat(event.customerId()).isEqualTo("c-1");
        assertThat(event.causationId()).isEqualTo(cause);
        assertThat(event.occurredAt()).isEqualTo(at);
        assertThat(event.data().keySet()).as("no topic, type, key or correlation id in the data")
                .containsExactlyInAnyOrder("reservationId", "customerId", "amount");
    }
}
