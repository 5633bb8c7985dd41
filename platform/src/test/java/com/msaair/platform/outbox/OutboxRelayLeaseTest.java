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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The relay publishes only while it holds its lease. The database, the broker and the other replica
 * are fakes here: what is under test is the relay's own bookkeeping of batches, time and lease.
 */
class OutboxRelayLeaseTest {

    private final SteppingClock clock = new SteppingClock(Instant.EPOCH);
    private final EndlessOutbox store = new EndlessOutbox(clock);
    private final RecordingProducer producer = new RecordingProducer(clock);
    private final OutboxRelay relay = new OutboxRelay();

    OutboxRelayLeaseTest() {
        relay.store = store;
        relay.producer = producer;
        relay.clock = clock;
        relay.tracing = com.msaair.platform.tracing.MessageTracing.off();
        relay.metrics = new OutboxMetrics() {
            @Override
            void published(OutboxMessage message, long sendToAckNanos) {}
        };
        relay.settings = new OutboxSettings();
        relay.settings.batchSize = 10;
        relay.settings.ackTimeoutMs = 20_000;
        relay.settings.leaseSeconds = 15;
    }

    @Test
    void underSteadyLoadTheRelayStopsPublishingWhenAnotherReplicaHasTakenItsLease() {
        // Granted once, then held by another replica (this one stalled, its lease ran out and was taken).
        relay.leases = new FakeLeases(1);

        relay.relayPending();

        // Each batch takes a second; the lease is renewed when half of it (7.5 s) has run out.
        assertThat(store.fetches).as("batches fetched before the renewal failed").isEqualTo(8);
        assertThat(producer.sentAt).isNotEmpty().allSatisfy(at -> assertThat(at).isBefore(Instant.EPOCH.plusSeconds(15)));
        assertThat(store.removedAfterLoop).as("the last batch's acknowledged rows are removed").isEqualTo(10);
    }

    @Test
    void whileItsLeaseIsRenewedTheRelayDrainsUntilTheOutboxIsEmpty() {
        relay.leases = new FakeLeases(Integer.MAX_VALUE);
        store.emptyAfter = 40;

        relay.relayPending();

        assertThat(store.fetches).isEqualTo(41);
        assertThat(producer.sentAt).hasSize(400);
    }

    @Test
    void anAcknowledgementIsNotAwaitedPastTheLease() {
        relay.leases = new FakeLeases(Integer.MAX_VALUE);
        relay.settings.leaseSeconds = 2; // acknowledgements may come until 1 s before it ends; the ack timeout is 20 s
        producer.acknowledge = false;

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

    /** A broker that acknowledges at once (or never), recording when each record was sent. */
    static class RecordingProducer extends OutboxProducer {
        private final SteppingClock clock;
        final List<Instant> sentAt = new ArrayList<>();
        boolean acknowledge = true;

        RecordingProducer(SteppingClock clock) {
            this.clock = clock;
        }

        @Override
        public CompletableFuture<Void> send(ProducerRecord<String, String> record) {
            sentAt.add(clock.instant());
            return acknowledge ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        }

        @Override
        void failed(Throwable failure) {}
    }
}
