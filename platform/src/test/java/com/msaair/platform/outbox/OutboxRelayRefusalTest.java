package com.msaair.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.platform.testing.SteppingClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

/** A row the broker refuses for good is set aside and the rows behind it go on; a passing failure stops the run. */
class OutboxRelayRefusalTest {

    private final SteppingClock clock = new SteppingClock(Instant.EPOCH);
    private final List<OutboxMessage> table = new ArrayList<>();
    private final List<String> setAside = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private final OutboxRelay relay = new OutboxRelay();
    private RuntimeException failureFor3;

    OutboxRelayRefusalTest() {
        for (long id = 1; id <= 5; id++) {
            OutboxMessage row = new OutboxMessage("reservation-events", "1", "event " + id, null, clock.instant());
            row.assignIdForTest(id);
            table.add(row);
        }
        relay.store = new OutboxStore() {
            @Override
            public List<OutboxMessage> removePublishedAndFetch(List<Long> published, int limit) {
                removePublished(published);
                return List.copyOf(table);
            }

            @Override
            public void removePublished(List<Long> ids) {
                table.removeIf(row -> ids.contains(row.id()));
            }
        };
        relay.refusals = new OutboxRefusals() {
            @Override
            public void setAside(OutboxMessage message, String reason, Instant now) {
                setAside.add(message.payload() + ": " + reason);
                table.remove(message);
            }
        };
        relay.producer = new OutboxRelayLeaseTest.RecordingProducer(clock) {
            @Override
            public CompletableFuture<Void> send(ProducerRecord<String, String> record) {
                if (record.value().equals("event 3") && failureFor3 != null) {
                    return CompletableFuture.failedFuture(failureFor3);
                }
                sent.add(record.value());
                return CompletableFuture.completedFuture(null);
            }
        };
        relay.leases = new OutboxRelayLeaseTest.FakeLeases(Integer.MAX_VALUE);
        relay.clock = clock;
        relay.tracing = com.msaair.platform.tracing.MessageTracing.off();
        relay.metrics = new OutboxMetrics() {
            @Override
            void published(OutboxMessage message, long sendToAckNanos) {}
        };
        relay.settings = new OutboxSettings();
        relay.settings.batchSize = 10;
        relay.settings.ackTimeoutMs = 1_000;
        relay.settings.leaseSeconds = 15;
    }

    @Test
    void aRecordTooLargeIsSetAsideWithItsReasonAndTheRowsBehindItArePublished() {
        failureFor3 = new RecordTooLargeException("The message is 1100000 bytes when serialized");

        relay.relayPending();

        assertThat(sent).containsExactly("event 1", "event 2", "event 4", "event 5");
        assertThat(setAside).singleElement().asString().startsWith("event 3: RecordTooLargeException");
        assertThat(table).isEmpty();
    }

    @Test
    void aBrokerThatIsAwayStopsTheRunSoThatNothingOvertakesTheFailedRow() {
        failureFor3 = new NetworkException("disconnected");

        relay.relayPending();

        assertThat(setAside).isEmpty();
        assertThat(table).extracting(OutboxMessage::payload).containsExactly("event 3", "event 4", "event 5");
    }

    @Test
    void headersThatCannotBeReadAreARefusalToo() {
        assertThat(OutboxRelay.refusal(new OutboxRelay.UnreadableHeadersException(new IllegalStateException("x")))).isNotNull();
        assertThat(OutboxRelay.refusal(new RuntimeException(new org.apache.kafka.common.errors.InvalidTopicException("bad")))).isNotNull();
        assertThat(OutboxRelay.refusal(new org.apache.kafka.common.errors.TimeoutException("slow"))).isNull();
    }
}
