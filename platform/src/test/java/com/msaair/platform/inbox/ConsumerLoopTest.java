package com.msaair.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.platform.worker.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a channel's consumer loop drives batching, offsets and its own healing, against Kafka's
 * MockConsumer (the inbox itself is a fake that records what it was given).
 */
class ConsumerLoopTest {

    private static final String TOPIC = "orders";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final int MAX_BATCH = 3;

    private final ConsumerChannels channels = new ConsumerChannels();
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final List<TestConsumer> made = new CopyOnWriteArrayList<>();
    private final AtomicInteger failingConsumers = new AtomicInteger();
    private volatile boolean handled = true;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private ConsumerLoop loop;
    private Thread thread;

    private final Inbox inbox = new Inbox() {
        @Override
        public boolean receiveAll(Subscription subscription, List<ReceivedMessage> messages) {
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batches.add(messages.stream().map(m -> m.partition() + ":" + m.text().orElseThrow()).toList());
            return handled;
        }
    };

    /** A MockConsumer that fails on demand, waits a little on an empty poll (as a real one would) and hands out its listener. */
    static final class TestConsumer extends MockConsumer<byte[], byte[]> {
        volatile int failingCommits;
        volatile ConsumerRebalanceListener listener;
        final List<Map<TopicPartition, OffsetAndMetadata>> commits = new CopyOnWriteArrayList<>();

        TestConsumer() {
            super(OffsetResetStrategy.EARLIEST);
        }

        @Override
        public void subscribe(Collection<String> topics, ConsumerRebalanceListener listener) {
            this.listener = listener;
            super.subscribe(topics, listener);
        }

        @Override
        public synchronized ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
            ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
            if (records.isEmpty()) {
                try {
                    wait(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return records;
        }

        @Override
        public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
            if (failingCommits > 0) {
                failingCommits--;
                throw new TimeoutException("the coordinator is not available");
            }
            super.commitSync(offsets, timeout);
            commits.add(Map.copyOf(offsets));
        }

        /** The offset last committed for {@code partition}, or -1 (readable after the consumer is closed, too). */
        long committed(TopicPartition partition) {
            long offset = -1;
            for (Map<TopicPartition, OffsetAndMetadata> commit : commits) {
                if (commit.containsKey(partition)) {
                    offset = commit.get(partition).offset();
                }
            }
            return offset;
        }

        void assign(TopicPartition... partitions) {
            schedulePollTask(() -> {
                rebalance(List.of(partitions));
                Map<TopicPartition, Long> beginning = new java.util.HashMap<>();
                for (TopicPartition partition : partitions) {
                    beginning.put(partition, 0L);
                }
                updateBeginningOffsets(beginning);
            });
        }

        /** Records that arrive together, for one poll: {@code partition, offset, text} of each. */
        void send(TopicPartition partition, long firstOffset, String... texts) {
            schedulePollTask(() -> add(partition, firstOffset, texts));
        }

        void add(TopicPartition partition, long firstOffset, String... texts) {
            for (int i = 0; i < texts.length; i++) {
                addRecord(new ConsumerRecord<>(TOPIC, partition.partition(), firstOffset + i, null, texts[i].getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private TestConsumer start() {
        return start(Backoff.of(1, 5));
    }

    /** Starts the loop; its first consumer is returned, the ones after it are made (and assigned partition 0) as it asks. */
    private TestConsumer start(Backoff restartBackoff) {
        TestConsumer first = new TestConsumer();
        made.add(first);
        java.util.concurrent.atomic.AtomicBoolean firstTaken = new java.util.concurrent.atomic.AtomicBoolean();
        loop = new ConsumerLoop(new Subscription(TOPIC, EventTypes.handling("Booked"), event -> {}), () -> {
            if (firstTaken.compareAndSet(false, true)) {
                return first;
            }
            TestConsumer next = new TestConsumer();
            if (failingConsumers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                next.setPollException(new KafkaException("broken consumer"));
            } else {
                next.assign(P0);
            }
            made.add(next);
            return next;
        }, inbox, channels, Clock.systemUTC(), new ConsumerLoop.Tuning(MAX_BATCH, Duration.ZERO, Duration.ofMillis(10),
                restartBackoff, 3, Duration.ofMinutes(1)));
        thread = new Thread(loop, "consumer-" + TOPIC);
        thread.start();
        return first;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (loop != null) {
            loop.stop();
            thread.join(5_000);
        }
    }

    @Test
    void aPollsRecordsGoToTheInboxPartitionByPartitionInBatchesAndOnlyFinishedOnesAreCommitted() {
        TestConsumer consumer = start();
        consumer.assign(P0, P1);
        consumer.schedulePollTask(() -> {
            consumer.add(P0, 0, "a0", "a1", "a2", "a3", "a4");
            consumer.add(P1, 0, "b0");
        });

        await(() -> consumer.committed(P0) == 5 && consumer.committed(P1) == 1);
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(MAX_BATCH));
        assertThat(batches.stream().flatMap(List::stream).filter(m -> m.startsWith("0:"))).containsExactly("0:a0", "0:a1", "0:a2", "0:a3", "0:a4");
        assertThat(batches).anySatisfy(batch -> assertThat(batch).hasSize(MAX_BATCH));
        assertThat(batches).noneSatisfy(batch -> assertThat(batch).anyMatch(m -> m.startsWith("0:")).anyMatch(m -> m.startsWith("1:")));
        assertThat(channels.states()).containsEntry(TOPIC, "consuming");
    }

    @Test
    void nothingIsCommittedBeforeTheInboxHasFinishedIt() {
        gate = new CountDownLatch(1);
        TestConsumer consumer = start();
        consumer.assign(P0);
        consumer.send(P0, 0, "slow");

        await(() -> !channels.stalled(Instant.now().plusSeconds(31), Duration.ofSeconds(30)).isEmpty());
        assertThat(consumer.committed(P0)).isEqualTo(-1);
        gate.countDown();
        await(() -> consumer.committed(P0) == 1);
    }

    @Test
    void aCommitThatFailsIsNotAnErrorTheNextOneCarriesItsOffsets() {
        TestConsumer consumer = start();
        consumer.failingCommits = 3;
        consumer.assign(P0);
        consumer.send(P0, 0, "a0");

        await(() -> consumer.committed(P0) == 1);
        assertThat(made).hasSize(1);
        assertThat(channels.allConsuming()).isTrue();
        assertThat(batches).hasSize(1);
    }

    @Test
    void whatTheInboxDidNotFinishBecauseTheServerStopsIsNotCommitted() {
        handled = false;
        TestConsumer consumer = start();
        consumer.assign(P0);
        consumer.send(P0, 0, "a0");

        await(() -> batches.size() == 1);
        await(consumer::closed);
        assertThat(consumer.committed(P0)).isEqualTo(-1);
    }

    @Test
    void revokedPartitionsHaveWhatWasFinishedCommittedFirst() {
        TestConsumer consumer = start();
        consumer.failingCommits = Integer.MAX_VALUE; // the periodic commits fail: only the revocation's may count
        consumer.assign(P0, P1);
        consumer.send(P0, 0, "a0");
        await(() -> batches.size() == 1);

        consumer.schedulePollTask(() -> {
            consumer.failingCommits = 0;
            consumer.listener.onPartitionsRevoked(List.of(P0));
            consumer.failingCommits = Integer.MAX_VALUE;
        });
        await(() -> consumer.committed(P0) == 1);
        assertThat(consumer.commits).singleElement().isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
    }

    @Test
    void aConsumerThatFailsIsReplacedInPlaceAndTheChannelStaysAlive() {
        TestConsumer consumer = start();
        consumer.assign(P0);
        consumer.send(P0, 0, "a0");
        await(() -> consumer.committed(P0) == 1);

        consumer.schedulePollTask(() -> {
            throw new KafkaException("the consumer broke");
        });
        await(() -> made.size() == 2);
        TestConsumer replacement = made.get(1);
        replacement.send(P0, 1, "a1");

        await(() -> replacement.committed(P0) == 2);
        assertThat(consumer.closed()).isTrue();
        assertThat(channels.allConsuming()).as("healed in place: liveness never went down").isTrue();
        assertThat(channels.states()).containsEntry(TOPIC, "consuming");
    }

    @Test
    void aConsumerThatKeepsFailingMakesTheChannelNotAliveAndAliveAgainOnceHealed() {
        failingConsumers.set(3);
        TestConsumer first = start(Backoff.of(100, 400));
        first.setPollException(new KafkaException("broken consumer"));

        await(() -> !channels.allConsuming());
        assertThat(channels.states().get(TOPIC)).contains("failed 3 time(s) in a row").contains("broken consumer");

        await(() -> made.size() >= 5 && channels.allConsuming());
        assertThat(channels.states()).containsEntry(TOPIC, "consuming");
    }

    @Test
    void stoppingCommitsWhatWasFinishedClosesTheConsumerAndIsNotAFailure() throws InterruptedException {
        gate = new CountDownLatch(1);
        TestConsumer consumer = start();
        consumer.assign(P0);
        consumer.send(P0, 0, "a0");
        await(() -> !channels.stalled(Instant.now().plusSeconds(31), Duration.ofSeconds(30)).isEmpty());

        loop.stop(); // while the inbox has the record: it finishes it, then the loop commits and closes
        gate.countDown();
        thread.join(5_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(consumer.closed()).isTrue();
        assertThat(consumer.committed(P0)).isEqualTo(1);
        assertThat(channels.allConsuming()).isTrue();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.onSpinWait();
        }
    }
}
