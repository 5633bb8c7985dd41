package com.msaair.connectorcheck;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * platform ran its own consumer loop: the connector's thread only queues what arrives; a worker thread
 * (from Liberty's ManagedThreadFactory) takes what has arrived — up to 50 — handles it (the services
 * applied it in a transaction; here a short pause stands for that), acknowledges each message and
 * asks for as many more. The connector commits acknowledged offsets in a batch about 500 ms later
 * (here with the KIP-848 group protocol: see LibertyKafkaConnectorIT).
 * Being the subscriber lets it see the stream end: what it failed with is kept for the test to read
 * ({@link ChannelState}).
 */
@ApplicationScoped
public class CheckedChannel {

    private static final Logger LOG = Logger.getLogger(CheckedChannel.class.getName());
    private static final int BATCH = 50;

    @Resource
    ManagedThreadFactory threads;

    private final AtomicLong consumed = new AtomicLong();
    private final AtomicReference<String> ended = new AtomicReference<>();
    private final AtomicReference<String> ackFailed = new AtomicReference<>();
    private final BlockingQueue<Message<String>> arrived = new LinkedBlockingQueue<>();

    @Incoming("check")
    public Subscriber<Message<String>> check() {
        return new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                Thread worker = threads.newThread(() -> work(subscription));
                worker.setName("check-worker");
                worker.start();
                subscription.request(BATCH);
            }

            @Override
            public void onNext(Message<String> message) {
                arrived.add(message);
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

    private void work(Subscription subscription) {
        try {
            while (ended.get() == null) {
                Message<String> first = arrived.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                List<Message<String>> batch = new ArrayList<>(BATCH);
                batch.add(first);
                arrived.drainTo(batch, BATCH - 1);
                Thread.sleep(2); // the transaction the services ran here
                for (Message<String> message : batch) {
                    try {
                        message.ack();
                    } catch (RuntimeException e) {
                        // The connector may run the pending commit on the acknowledging thread and fail here.
                        ackFailed.compareAndSet(null, e.toString());
                        LOG.log(Level.WARNING, "Acknowledging failed", e);
                    }
                }
                consumed.addAndGet(batch.size());
                subscription.request(batch.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
