package com.msaair.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;

/** How a channel's subscriber drives batching, acknowledgement and liveness (the inbox itself is a fake). */
class ChannelSubscriberTest {

    private static final int MAX_BATCH = 4;

    private final ConsumerChannels channels = new ConsumerChannels();
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private volatile boolean handled = true;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private final Inbox inbox = new Inbox() {
        @Override
        public boolean receiveAll(String channel, List<ReceivedMessage> messages, EventHandler handler) {
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batches.add(messages.stream().map(m -> m.text().orElseThrow()).toList());
            return handled;
        }
    };

    private final AtomicInteger requested = new AtomicInteger();
    private final AtomicInteger acked = new AtomicInteger();
    private volatile boolean cancelled;

    private final Subscription subscription = new Subscription() {
        @Override
        public void request(long n) {
            requested.addAndGet((int) n);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    };

    private ChannelSubscriber subscribed(Inbox with) {
        ChannelSubscriber subscriber = new ChannelSubscriber("orders", with, event -> {}, channels, Thread::new, MAX_BATCH, Clock.systemUTC());
        subscriber.onSubscribe(subscription);
        return subscriber;
    }

    private final AtomicInteger offsets = new AtomicInteger();

    /** A message as the Kafka connector hands it over: its payload, an acknowledgement, the record behind it. */
    private Message<byte[]> message(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("orders", 0, offsets.getAndIncrement(), null, bytes);
        return new Message<>() {
            @Override
            public byte[] getPayload() {
                return bytes;
            }

            @Override
            public Supplier<CompletionStage<Void>> getAck() {
                return () -> {
                    acked.incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                };
            }

            @Override
            public <C> C unwrap(Class<C> type) {
                return type.cast(record);
            }
        };
    }

    @Test
    void asksForABatchAcknowledgesWhatWasHandledAndAsksForAsManyMore() {
        ChannelSubscriber subscriber = subscribed(inbox);
        assertThat(requested).hasValue(MAX_BATCH);

        subscriber.onNext(message("a"));
        subscriber.onNext(message("b"));

        await(() -> acked.get() == 2);
        assertThat(batches.stream().flatMap(List::stream)).containsExactly("a", "b");
        await(() -> requested.get() == MAX_BATCH + 2);
        assertThat(channels.states()).containsEntry("orders", "consuming");
    }

    @Test
    void messagesThatArriveWhileABatchIsHandledFormTheNextBatchNoBiggerThanTheMaximum() {
        gate = new CountDownLatch(1);
        ChannelSubscriber subscriber = subscribed(inbox);
        subscriber.onNext(message("first"));
        for (int i = 1; i <= 6; i++) {
            subscriber.onNext(message("m" + i));
        }
        gate.countDown();

        await(() -> acked.get() == 7);
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(MAX_BATCH));
        assertThat(batches).anySatisfy(batch -> assertThat(batch.size()).isGreaterThan(1));
        assertThat(batches.stream().flatMap(List::stream)).containsExactly("first", "m1", "m2", "m3", "m4", "m5", "m6");
    }

    @Test
    void aWorkerBusyWithTheSameMessagesForTooLongIsReportedAsStalledWithWhatItIsOn() {
        gate = new CountDownLatch(1);
        ChannelSubscriber subscriber = subscribed(inbox);
        subscriber.onNext(message("stuck"));
        await(() -> !channels.stalled(Instant.now().plusSeconds(31), Duration.ofSeconds(30)).isEmpty());
        channels.trouble("orders", "database refuses the insert");

        assertThat(channels.stalled(Instant.now().plusSeconds(31), Duration.ofSeconds(30)).get("orders"))
                .contains("orders/0/0").contains("database refuses the insert");
        assertThat(channels.stalled(Instant.now(), Duration.ofSeconds(30))).as("not yet past the limit").isEmpty();

        gate.countDown();
        await(() -> acked.get() == 1);
        await(() -> channels.stalled(Instant.now().plusSeconds(31), Duration.ofSeconds(30)).isEmpty());
    }

    @Test
    void messagesNotHandledBecauseTheServerStopsAreNeitherAcknowledgedNorFollowedByMore() {
        handled = false;
        ChannelSubscriber subscriber = subscribed(inbox);
        subscriber.onNext(message("a"));
        await(() -> batches.size() == 1);
        assertThat(acked).hasValue(0);
        assertThat(requested).hasValue(MAX_BATCH);
    }

    @Test
    void aFailedStreamMakesTheChannelStopped() {
        ChannelSubscriber subscriber = subscribed(inbox);
        subscriber.onError(new IllegalStateException("poll failed"));
        assertThat(channels.allConsuming()).isFalse();
        assertThat(channels.states().get("orders")).contains("poll failed");
    }

    @Test
    void aCompletedStreamIsAStoppedChannelToo() {
        ChannelSubscriber subscriber = subscribed(inbox);
        subscriber.onComplete();
        assertThat(channels.states()).containsEntry("orders", "stream completed");
    }

    @Test
    void aBugThatEscapesTheInboxStopsTheChannelWithoutAcknowledging() {
        Inbox broken = new Inbox() {
            @Override
            public boolean receiveAll(String channel, List<ReceivedMessage> messages, EventHandler handler) {
                throw new IllegalStateException("bug");
            }
        };
        ChannelSubscriber subscriber = subscribed(broken);
        subscriber.onNext(message("a"));
        await(() -> cancelled);
        assertThat(acked).hasValue(0);
        assertThat(channels.allConsuming()).isFalse();
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
