package com.msaair.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.msaair.platform.lease.Leases;
import com.msaair.platform.testing.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * The relay publishes only while it holds its lease. The database, the broker and the other replica
 * are fakes here: what is under test is the relay's own bookkeeping of batches, time and lease.
 */
class OutboxRelayLeaseTest {

    private final SteppingClock clock = new SteppingClock(Instant.EPOCH);
    private final EndlessOutbox store = new EndlessOutbox(clock);
    private final RecordingEmitter emitter = new RecordingEmitter(clock);
    private final OutboxRelay relay = new OutboxRelay();

    OutboxRelayLeaseTest() {
        relay.store = store;
        relay.emitter = emitter;
        relay.clock = clock;
        relay.tracing = com.msaair.platform.tracing.MessageTracing.off();
        relay.metrics = new OutboxMetrics() {
            @Override
            void published(OutboxMessage message, long sendToAckNanos) {}
        };
        relay.batchSize = 10;
        relay.ackTimeoutMs = 20_000;
        relay.leaseSeconds = 15;
    }

    @Test
    void underSteadyLoadTheRelayStopsPublishingWhenAnotherReplicaHasTakenItsLease() {
        // Granted once, then held by another replica (this one stalled, its lease ran out and was taken).
        relay.leases = new FakeLeases(1);

        relay.relayPending();

        // Each batch takes a second; the lease is renewed when half of it (7.5 s) has run out.
        assertThat(store.fetches).as("batches fetched before the renewal failed").isEqualTo(8);
        assertThat(emitter.sentAt).isNotEmpty().allSatisfy(at -> assertThat(at).isBefore(Instant.EPOCH.plusSeconds(15)));
        assertThat(store.removedAfterLoop).as("the last batch's acknowledged rows are removed").isEqualTo(10);
    }

    @Test
    void whileItsLeaseIsRenewedTheRelayDrainsUntilTheOutboxIsEmpty() {
        relay.leases = new FakeLeases(Integer.MAX_VALUE);
        store.emptyAfter = 40;

        relay.relayPending();

        assertThat(store.fetches).isEqualTo(41);
        assertThat(emitter.sentAt).hasSize(400);
    }

    @Test
    void anAcknowledgementIsNotAwaitedPastTheLease() {
        relay.leases = new FakeLeases(Integer.MAX_VALUE);
        relay.leaseSeconds = 2; // acknowledgements may come until 1 s before it ends; the ack timeout is 20 s
        emitter.acknowledge = false;

        assertTimeoutPreemptively(Duration.ofSeconds(10), relay::relayPending);

        assertThat(store.fetches).isEqualTo(1);
        assertThat(store.removedAfterLoop).as("nothing counts as published").isZero();
    }

    /** Bookings keep coming: every fetch finds a full batch, and each batch takes a second. */
    static final class EndlessOutbox extends OutboxStore {
        private final SteppingClock clock;
        int fetches;
        int emptyAfter = Integer.MAX_VALUE;
        int removedAfterLoop;

        EndlessOutbox(SteppingClock clock) {
            this.clock = clock;
        }

        @Override
        public List<OutboxMessage> removePublishedAndFetch(List<Long> published, int limit) {
            fetches++;
            if (fetches > emptyAfter || fetches > 1_000) {
                return List.of();
            }
            clock.advance(Duration.ofSeconds(1));
            List<OutboxMessage> batch = new ArrayList<>();
            for (int i = 0; i < limit; i++) {
                batch.add(new OutboxMessage("reservation-events", "1", "{}", null, clock.instant()));
            }
            return batch;
        }

        @Override
        public void removePublished(List<Long> ids) {
            removedAfterLoop += ids.size();
        }
    }

    static final class FakeLeases extends Leases {
        private int grants;

        FakeLeases(int grants) {
            this.grants = grants;
        }

        @Override
        public boolean hold(String name, Instant now, Instant until) {
            return grants-- > 0;
        }
    }

    static class RecordingEmitter implements Emitter<ProducerRecord<String, String>> {
        private final SteppingClock clock;
        final List<Instant> sentAt = new ArrayList<>();
        boolean acknowledge = true;

        RecordingEmitter(SteppingClock clock) {
            this.clock = clock;
        }

        @Override
        public CompletionStage<Void> send(ProducerRecord<String, String> record) {
            sentAt.add(clock.instant());
            return acknowledge ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        }

        @Override
        public <M extends Message<? extends ProducerRecord<String, String>>> void send(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete() {}

        @Override
        public void error(Exception e) {}

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
