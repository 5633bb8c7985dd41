package com.msaair.platform.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Consumes a channel. Being the subscriber (rather than a method the connector calls per message)
 * does two things: the service sees its channel end (onError/onComplete mark it stopped, liveness
 * goes DOWN, the pod is restarted instead of idling with a dead consumer), and messages can be
 * handled in batches. The connector's thread only queues; a worker takes what has arrived (up to
 * {@code maxBatch}) and has the inbox apply it in one transaction, then acknowledges it and asks for
 * as many more. At low load a batch is one message; under load one commit serves many.
 */
final class ChannelSubscriber implements Subscriber<Message<byte[]>> {

    private static final Logger LOG = Logger.getLogger(ChannelSubscriber.class.getName());

    private final String channel;
    private final Inbox inbox;
    private final EventHandler handler;
    private final ConsumerChannels channels;
    private final ThreadFactory threads;
    private final int maxBatch;
    private final Clock clock;
    private final BlockingQueue<Message<byte[]>> arrived = new LinkedBlockingQueue<>();
    private volatile Subscription subscription;
    private volatile boolean ended;

    ChannelSubscriber(String channel, Inbox inbox, EventHandler handler, ConsumerChannels channels, ThreadFactory threads, int maxBatch,
            Clock clock) {
        this.channel = channel;
        this.inbox = inbox;
        this.handler = handler;
        this.channels = channels;
        this.threads = threads;
        this.maxBatch = maxBatch;
        this.clock = clock;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        this.subscription = subscription;
        channels.subscribed(channel);
        Thread worker = threads.newThread(this::work);
        worker.setName("consumer-" + channel);
        worker.start();
        subscription.request(maxBatch);
    }

    @Override
    public void onNext(Message<byte[]> message) {
        arrived.add(message);
    }

    @Override
    public void onError(Throwable failure) {
        LOG.log(Level.SEVERE, "Channel " + channel + " stopped: its stream failed", failure);
        channels.stopped(channel, "stream failed: " + failure);
        ended = true;
    }

    @Override
    public void onComplete() {
        LOG.warning(() -> "Channel " + channel + " stopped: its stream completed");
        channels.stopped(channel, "stream completed");
        ended = true;
    }

    private void work() {
        try {
            while (!ended || !arrived.isEmpty()) {
                Message<byte[]> first = arrived.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                List<Message<byte[]>> batch = new ArrayList<>(maxBatch);
                batch.add(first);
                arrived.drainTo(batch, maxBatch - 1);
                List<ReceivedMessage> received = batch.stream().map(ReceivedMessage::of).toList();
                channels.working(channel, received.get(0).coordinates(), clock.instant());
                if (!inbox.receiveAll(channel, received, handler)) {
                    return; // the server is stopping: unacknowledged messages come back after the restart
                }
                channels.done(channel);
                batch.forEach(Message::ack);
                subscription.request(batch.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // Inbox.receiveAll handles every exception; this is a bug. Nothing is acknowledged: it comes back after a restart.
            LOG.log(Level.SEVERE, "Channel " + channel + " failed on a message; stopping it", e);
            channels.stopped(channel, "failed on a message: " + e);
            subscription.cancel();
        }
    }
}
