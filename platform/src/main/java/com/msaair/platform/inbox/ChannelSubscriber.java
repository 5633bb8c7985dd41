package com.msaair.platform.inbox;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Consumes a channel one message at a time. Being the subscriber (rather than a method the connector
 * calls) is what lets the service see its channel end: onError/onComplete mark it stopped, and
 * liveness goes DOWN so the pod is restarted instead of idling with a dead consumer.
 */
final class ChannelSubscriber implements Subscriber<Message<String>> {

    private static final Logger LOG = Logger.getLogger(ChannelSubscriber.class.getName());

    private final String channel;
    private final Inbox inbox;
    private final EventHandler handler;
    private final ConsumerChannels channels;
    private Subscription subscription;

    ChannelSubscriber(String channel, Inbox inbox, EventHandler handler, ConsumerChannels channels) {
        this.channel = channel;
        this.inbox = inbox;
        this.handler = handler;
        this.channels = channels;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        this.subscription = subscription;
        channels.subscribed(channel);
        subscription.request(1);
    }

    @Override
    public void onNext(Message<String> message) {
        boolean handled;
        try {
            handled = inbox.receive(channel, message, handler);
        } catch (RuntimeException e) {
            // Inbox.receive handles every exception; this is a bug. Do not acknowledge: it comes back after a restart.
            LOG.log(Level.SEVERE, "Channel " + channel + " failed on a message; stopping it", e);
            channels.stopped(channel, "failed on a message: " + e);
            subscription.cancel();
            return;
        }
        if (handled) {
            message.ack();
            subscription.request(1);
        }
        // else: the server is stopping; the unacknowledged message is redelivered after the restart.
    }

    @Override
    public void onError(Throwable failure) {
        LOG.log(Level.SEVERE, "Channel " + channel + " stopped: its stream failed", failure);
        channels.stopped(channel, "stream failed: " + failure);
    }

    @Override
    public void onComplete() {
        LOG.warning(() -> "Channel " + channel + " stopped: its stream completed");
        channels.stopped(channel, "stream completed");
    }
}
