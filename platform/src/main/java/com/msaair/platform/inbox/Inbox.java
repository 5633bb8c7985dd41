package com.msaair.platform.inbox;

import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.outbox.Outbox;
import com.msaair.platform.tx.Transactions;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Subscriber;

/**
 * Idempotent consumption, the same way for every consumer of every service.
 *
 * <p>Each message ends in exactly one of three ways, and only then is it acknowledged: applied (the
 * handler's effect and the event id committed together), recognised as already processed
 * (redelivery: nothing happens), or parked on {@code <topic>.DLT} with the reason in a header
 * (broken JSON, unknown type, a rejection by the business). Parking goes through the outbox in the
 * same transaction that records the message as processed, so a poison message is parked once and
 * never blocks its partition. Nothing escapes to Liberty's connector, which would shut the channel
 * down for good.
 */
@ApplicationScoped
public class Inbox {

    public static final String DLT_SUFFIX = ".DLT";
    public static final String HEADER_DLT_REASON = "dlt.reason";
    public static final String HEADER_DLT_TOPIC = "dlt.original.topic";
    public static final String HEADER_DLT_PARTITION = "dlt.original.partition";
    public static final String HEADER_DLT_OFFSET = "dlt.original.offset";
    public static final String HEADER_DLT_CONSUMER = "dlt.consumer";

    private static final Logger LOG = Logger.getLogger(Inbox.class.getName());

    @Inject
    Transactions transactions;

    @Inject
    ProcessedMessages processed;

    @Inject
    Outbox outbox;

    @Inject
    ConsumerChannels channels;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "msaair.consumer.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "msaair.consumer.name", defaultValue = "unnamed")
    String consumerName;

    @Inject
    @ConfigProperty(name = "msaair.consumer.max-batch", defaultValue = "50")
    int maxBatch;

    @Resource
    ManagedThreadFactory threads;

    private volatile boolean stopping;

    @PreDestroy
    void stop() {
        stopping = true;
    }

    /** What an {@code @Incoming} method returns: a subscriber that consumes {@code channel} with {@code handler}. */
    public Subscriber<Message<String>> subscriber(String channel, EventHandler handler) {
        return new ChannelSubscriber(channel, this, handler, channels, threads, maxBatch);
    }

    /**
     * Deals with several messages completely, in one transaction when they all apply cleanly, or
     * one at a time (with all the rules of {@link #receive}) when any of them fails. Returns false
     * only when the server is stopping first; then none may be acknowledged. Never throws.
     */
    public boolean receiveAll(String channel, List<Message<String>> messages, EventHandler handler) {
        if (messages.size() == 1) {
            return receive(channel, messages.get(0), handler);
        }
        List<EventEnvelope> events = new ArrayList<>(messages.size());
        for (Message<String> message : messages) {
            try {
                events.add(EventEnvelope.fromJson(message.getPayload()));
            } catch (MalformedEventException e) {
                events.add(null);
            }
        }
        if (events.stream().allMatch(java.util.Objects::nonNull)) {
            try {
                transactions.runInNewTransaction(() -> {
                    for (EventEnvelope event : events) {
                        String id = event.eventId().toString();
                        if (!processed.contains(id)) {
                            handler.handle(event);
                            processed.record(id, channel, ProcessedMessage.Outcome.APPLIED, clock.instant());
                        }
                    }
                });
                return true;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A batch of " + messages.size() + " on " + channel + " failed; taking them one at a time", e);
            }
        }
        for (Message<String> message : messages) {
            if (!receive(channel, message, handler)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Deals with one message completely (applied, duplicate or parked) and returns true; returns
     * false only when the server is stopping first, and then the message must not be acknowledged.
     * Never throws.
     */
    public boolean receive(String channel, Message<String> message, EventHandler handler) {
        Incoming incoming = Incoming.of(message);
        EventEnvelope event;
        try {
            event = EventEnvelope.fromJson(message.getPayload());
        } catch (MalformedEventException e) {
            return park(channel, incoming, incoming.coordinates(), "malformed event: " + e.getMessage());
        }
        String id = event.eventId().toString();
        RuntimeException last = null;
        int failures = 0;
        for (int round = 1; !stopping; round++) {
            try {
                transactions.runInNewTransaction(() -> {
                    if (!processed.contains(id)) {
                        handler.handle(event);
                        processed.record(id, channel, ProcessedMessage.Outcome.APPLIED, clock.instant());
                    }
                });
                return true;
            } catch (EventRejectedException | MalformedEventException e) {
                return park(channel, incoming, id, "rejected " + event.eventType() + ": " + e.getMessage());
            } catch (RuntimeException e) {
                last = e;
                Optional<Boolean> done = processedMeanwhile(id);
                if (done.orElse(false)) {
                    return true; // another replica applied it while we tried
                }
                if (done.isPresent()) {
                    failures++; // the database answers, so the failure is the message's own
                    LOG.log(Level.FINE, "Attempt " + failures + " at " + event.eventType() + " " + id + " failed", e);
                    if (failures >= maxAttempts) {
                        break;
                    }
                } else if (round == 1 || round % 20 == 0) {
                    // The database does not answer: wait for it, for as long as it takes. Parking now
                    // would set aside a perfectly good event because of an outage.
                    LOG.log(Level.WARNING, "Database unavailable while handling " + event.eventType() + " " + id + "; waiting", e);
                }
                pause(Math.min(5_000L, 100L << Math.min(round, 6)));
            }
        }
        if (stopping) {
            return false; // not acknowledged: it is redelivered after the restart
        }
        LOG.log(Level.WARNING, "Giving up on " + event.eventType() + " " + id + " after " + maxAttempts + " attempts", last);
        return park(channel, incoming, id, "failed " + maxAttempts + " times: " + last);
    }

    /** Whether the message is recorded as processed; empty when the database cannot be asked. */
    private Optional<Boolean> processedMeanwhile(String id) {
        try {
            return Optional.of(processed.containsCommitted(id));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parks a message, retrying for as long as it takes: a message is never acknowledged unrecorded. */
    private boolean park(String channel, Incoming incoming, String id, String reason) {
        LOG.warning(() -> "Parking message " + incoming.coordinates() + " on " + incoming.topic() + DLT_SUFFIX + ": " + reason);
        for (int attempt = 1; !stopping; attempt++) {
            try {
                transactions.runInNewTransaction(() -> {
                    if (processed.contains(id)) {
                        return;
                    }
                    Map<String, String> headers = new LinkedHashMap<>(incoming.headers());
                    headers.put(HEADER_DLT_REASON, reason);
                    headers.put(HEADER_DLT_TOPIC, incoming.topic());
                    headers.put(HEADER_DLT_PARTITION, String.valueOf(incoming.partition()));
                    headers.put(HEADER_DLT_OFFSET, String.valueOf(incoming.offset()));
                    headers.put(HEADER_DLT_CONSUMER, consumerName);
                    outbox.send(incoming.topic() + DLT_SUFFIX, incoming.key(), incoming.payload(), headers);
                    processed.record(id, channel, ProcessedMessage.Outcome.PARKED, clock.instant());
                });
                return true;
            } catch (RuntimeException e) {
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.log(Level.WARNING, "Could not park " + incoming.coordinates() + " (attempt " + attempt + "), retrying", e);
                }
                pause(Math.min(5_000L, 100L << Math.min(attempt, 6)));
            }
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What we need to know about the Kafka record behind a message. */
    record Incoming(String topic, int partition, long offset, String key, String payload, Map<String, String> headers) {

        @SuppressWarnings("unchecked")
        static Incoming of(Message<String> message) {
            ConsumerRecord<String, String> record = message.unwrap(ConsumerRecord.class);
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
            }
            return new Incoming(record.topic(), record.partition(), record.offset(), record.key(),
                    message.getPayload() == null ? "" : message.getPayload(), headers);
        }

        String coordinates() {
            return topic + "/" + partition + "/" + offset;
        }
    }
}
