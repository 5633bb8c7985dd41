package com.msaair.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;

/** How a channel's subscriber drives liveness and acknowledgement (the inbox itself is replaced by a fake). */
class ChannelSubscriberTest {

    private final ConsumerChannels channels = new ConsumerChannels();
    private final List<String> received = new ArrayList<>();
    private boolean handled = true;

    private final Inbox inbox = new Inbox() {
        @Override
        public boolean receive(String channel, Message<String> message, EventHandler handler) {
            received.add(message.getPayload());
            return handled;
        }
    };

    private final AtomicInteger requested = new AtomicInteger();
    private final AtomicInteger acked = new AtomicInteger();
    private boolean cancelled;

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

    private Message<String> message(String payload) {
        return Message.of(payload, () -> {
            acked.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void consumesOneMessageAtATimeAndAcknowledgesEachWhenHandled() {
        ChannelSubscriber subscriber = new ChannelSubscriber("orders", inbox, event -> {}, channels);
        subscriber.onSubscribe(subscription);
        assertThat(requested).hasValue(1);

        subscriber.onNext(message("a"));
        subscriber.onNext(message("b"));

        assertThat(received).containsExactly("a", "b");
        assertThat(acked).hasValue(2);
        assertThat(requested).hasValue(3);
        assertThat(channels.allConsuming()).isTrue();
        assertThat(channels.states()).containsEntry("orders", "consuming");
    }

    @Test
    void aMessageNotHandledBecauseTheServerStopsIsNeitherAcknowledgedNorFollowedByAnother() {
        handled = false;
        ChannelSubscriber subscriber = new ChannelSubscriber("orders", inbox, event -> {}, channels);
        subscriber.onSubscribe(subscription);
        subscriber.onNext(message("a"));
        assertThat(acked).hasValue(0);
        assertThat(requested).hasValue(1);
    }

    @Test
    void aFailedStreamMakesTheChannelStoppedWhichLivenessReportsDown() {
        ChannelSubscriber subscriber = new ChannelSubscriber("orders", inbox, event -> {}, channels);
        subscriber.onSubscribe(subscription);

        subscriber.onError(new IllegalStateException("poll failed"));

        assertThat(channels.allConsuming()).isFalse();
        assertThat(channels.states().get("orders")).contains("poll failed");
    }

    @Test
    void aCompletedStreamIsAStoppedChannelToo() {
        ChannelSubscriber subscriber = new ChannelSubscriber("orders", inbox, event -> {}, channels);
        subscriber.onSubscribe(subscription);
        subscriber.onComplete();
        assertThat(channels.states()).containsEntry("orders", "stream completed");
    }

    @Test
    void aBugThatEscapesTheInboxStopsTheChannelWithoutAcknowledging() {
        Inbox broken = new Inbox() {
            @Override
            public boolean receive(String channel, Message<String> message, EventHandler handler) {
                throw new IllegalStateException("bug");
            }
        };
        ChannelSubscriber subscriber = new ChannelSubscriber("orders", broken, event -> {}, channels);
        subscriber.onSubscribe(subscription);
        subscriber.onNext(message("a"));
        assertThat(acked).hasValue(0);
        assertThat(cancelled).isTrue();
        assertThat(channels.allConsuming()).isFalse();
    }
}
