package com.msaair.connectorcheck;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * One channel consumed with Liberty's liberty-kafka connector, as the services did before the
 * platform ran its own consumer loop: each message counted and acknowledged, after which the connector
 * commits its offset (in a batch, about 500 ms later). Being the subscriber lets it see the stream
 * end: what it failed with is kept for the test to read ({@link ChannelState}).
 */
@ApplicationScoped
public class CheckedChannel {

    private static final Logger LOG = Logger.getLogger(CheckedChannel.class.getName());

    private final AtomicLong consumed = new AtomicLong();
    private final AtomicReference<String> ended = new AtomicReference<>();
    private final AtomicReference<String> ackFailed = new AtomicReference<>();

    @Incoming("check")
    public Subscriber<Message<String>> check() {
        return new Subscriber<>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription subscription) {
                this.subscription = subscription;
                subscription.request(1);
            }

            @Override
            public void onNext(Message<String> message) {
                consumed.incrementAndGet();
                try {
                    message.ack();
                } catch (RuntimeException e) {
                    // The connector may run the pending commit on the acknowledging thread and fail here.
                    ackFailed.compareAndSet(null, e.toString());
                    LOG.log(Level.WARNING, "Acknowledging failed", e);
                }
                subscription.request(1);
            }

            @Override
            public void onError(Throwable failure) {
                ended.compareAndSet(null, "stream failed: " + failure);
                LOG.log(Level.SEVERE, "The channel's stream failed", failure);
            }

            @Override
            public void onComplete() {
                ended.compareAndSet(null, "stream completed");
                LOG.warning("The channel's stream completed");
            }
        };
    }

    long consumed() {
        return consumed.get();
    }

    /** Why the stream ended, or null while it runs. */
    String ended() {
        return ended.get();
    }

    /** The first failure of an acknowledgement, or null. */
    String ackFailed() {
        return ackFailed.get();
    }
}
