package com.msaair.platform.inbox;

import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.outbox.Outbox;
import com.msaair.platform.tracing.MessageTracing;
import com.msaair.platform.tx.DatabaseFailures;
import com.msaair.platform.tx.Transactions;
import com.msaair.platform.worker.Backoff;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Idempotent consumption, the same way for every consumer of every service.
 *
 * <p>Each message ends in exactly one of three ways, and only then is it acknowledged: applied (the
 * handler's effect and the event id committed together), recognised as already processed
 * (redelivery: nothing happens), or parked: copied to {@code <topic>.DLT} with the reason in a header
 * (through the outbox) and kept in {@code DEAD_LETTER} for an operator's replay, in the same
 * transaction that records the message as processed, so a poison message is parked once and never
 * blocks its partition.
 *
 * <p>What parks a message is only what would fail again the same way: it is not UTF-8, not an
 * envelope, of an unknown type or refused by the business ({@link EventRejectedException},
 * {@link MalformedEventException}), or the handler failed on it {@code max-attempts} times while the
 * database answered. A failure that says nothing about the message — a lock conflict, a deadlock, a
 * lock timeout, a database that cannot be reached ({@link DatabaseFailures#isTransient}) — is waited
 * out for as long as it lasts and never counted. Nothing escapes to the channel's consumer loop
 * ({@link ConsumerLoop}); what a consumer is stuck on is reported to {@link ConsumerChannels}, and
 * readiness says so.
 *
 * <p>An event of a type the consumer ignores ({@link EventTypes}) ends a fourth way, without a
 * transaction: acknowledged, counted as ignored.
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
    /** After this many failed attempts to park a message as it is, it is parked as a minimal copy. */
    private static final int FULL_COPY_ATTEMPTS = 3;

    @Inject
    Transactions transactions;

    @Inject
    ProcessedMessages processed;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Outbox outbox;

    @Inject
    ConsumerChannels channels;

    @Inject
    Clock clock;

    @Inject
    MessageTracing tracing;

    @Inject
    ConsumerMetrics metrics;

    @Inject
    ConsumerSettings settings;

    @Inject
    ConsumerLoops loops;

    Backoff retry = Backoff.of(200, 5_000);
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    @PreDestroy
    void stop() {
        stopping = true;
    }

    /**
     * Consumes {@code channel} (the topic of that name) with {@code handler}, which is given the events
     * of the types {@code types} handles; those it ignores are acknowledged without a transaction, and
     * those it does not know are parked. {@link EventConsumers} calls it once per channel, as the application starts.
     */
    public void consume(String channel, EventTypes types, EventHandler handler) {
        Subscription subscription = new Subscription(channel, types, handler);
        if (subscriptions.putIfAbsent(channel, subscription) != null) {
            throw new IllegalStateException("channel " + channel + " is consumed already");
        }
        metrics.register(channel);
        loops.start(subscription, this);
    }

    /** The consumer of {@code channel} in this service, for a replay. */
    Optional<Subscription> subscriptionOf(String channel) {
        return Optional.ofNullable(subscriptions.get(channel));
    }

    /**
     * Deals with several messages completely: those of a type the consumer ignores at once, without a
     * transaction; the others in one transaction when they all apply cleanly, or one at a time (with all
     * the rules of {@link #receive}) when any of them fails. Returns false only when the server is
     * stopping first; then none may be acknowledged. Never throws.
     */
    public boolean receiveAll(Subscription subscription, List<ReceivedMessage> messages) {
        if (messages.size() == 1) {
            return receive(subscription, messages.get(0));
        }
        String channel = subscription.channel();
        List<ReceivedMessage> toApply = new ArrayList<>(messages.size());
        List<EventEnvelope> events = new ArrayList<>(messages.size());
        boolean allRead = true;
        for (ReceivedMessage message : messages) {
            EventEnvelope event = read(message).event();
            if (event != null && subscription.types().of(event.eventType()) == EventTypes.Disposition.IGNORED) {
                ignore(channel, message, event);
                continue;
            }
            allRead &= event != null;
            toApply.add(message);
            events.add(event);
        }
        if (toApply.size() > 1 && allRead) {
            // One span per message, each continuing its own trace; they end when the batch commits.
            List<Span> spans = new ArrayList<>(toApply.size());
            List<ConsumerMetrics.Outcome> outcomes = new ArrayList<>(toApply.size());
            try {
                transactions.runInNewTransaction(() -> {
                    spans.clear();
                    outcomes.clear();
                    for (int i = 0; i < events.size(); i++) {
                        EventEnvelope event = events.get(i);
                        Span span = startProcess(channel, toApply.get(i), event);
                        spans.add(span);
                        try (Scope scope = span.makeCurrent()) {
                            outcomes.add(apply(subscription, event));
                        }
                        span.setAttribute(MessageTracing.OUTCOME, outcomes.get(i).label());
                    }
                });
                endAll(spans, null);
                outcomes.forEach(outcome -> metrics.count(channel, outcome));
                return true;
            } catch (RuntimeException | StackOverflowError e) {
                endAll(spans, e);
                LOG.log(Level.FINE, "A batch of " + toApply.size() + " on " + channel + " failed; taking them one at a time", e);
            }
        }
        for (ReceivedMessage message : toApply) {
            if (!receive(subscription, message)) {
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
    public boolean receive(Subscription subscription, ReceivedMessage message) {
        String channel = subscription.channel();
        Read read = read(message);
        if (read.event() != null && subscription.types().of(read.event().eventType()) == EventTypes.Disposition.IGNORED) {
            ignore(channel, message, read.event());
            return true;
        }
        Span span = startProcess(channel, message, read.event());
        try (Scope scope = span.makeCurrent()) {
            return receive(subscription, message, read);
        } finally {
            span.end();
        }
    }

    private boolean receive(Subscription subscription, ReceivedMessage message, Read read) {
        String channel = subscription.channel();
        if (read.event() == null) {
            return park(channel, message, message.coordinates(), DeadLetter.Reason.MALFORMED, "malformed event: " + read.problem());
        }
        EventEnvelope event = read.event();
        String id = event.eventId().toString();
        Throwable last = null;
        int failures = 0;
        for (int round = 1; !stopping; round++) {
            try {
                ConsumerMetrics.Outcome outcome = transactions.inNewTransaction(() -> apply(subscription, event));
                counted(channel, outcome);
                return true;
            } catch (EventRejectedException | MalformedEventException e) {
                return park(channel, message, id, DeadLetter.Reason.REJECTED, "rejected " + event.eventType() + ": " + e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                last = e;
                if (!DatabaseFailures.isTransient(e)) {
                    Optional<Boolean> done = processedMeanwhile(id);
                    if (done.orElse(false)) {
                        counted(channel, ConsumerMetrics.Outcome.DUPLICATE);
                        return true; // another replica applied it while we tried
                    }
                    if (done.isPresent()) {
                        failures++; // the database answers, so the failure is the message's own
                        LOG.log(Level.FINE, "Attempt " + failures + " at " + event.eventType() + " " + id + " failed", e);
                        if (failures >= settings.maxAttempts()) {
                            break;
                        }
                        pause(retry.after(failures));
                        continue;
                    }
                }
                // A lock conflict, or the database does not answer: wait for it, for as long as it takes.
                // Parking now would set aside a perfectly good event because of an outage.
                channels.trouble(channel, "waiting for the database at " + message.coordinates() + ": " + e);
                if (round == 1 || round % 20 == 0) {
                    LOG.log(Level.WARNING, "Database unavailable or busy while handling " + event.eventType() + " " + id + "; waiting", e);
                }
                pause(retry.after(Math.min(round, 6)));
            }
        }
        if (stopping) {
            return false; // not acknowledged: it is redelivered after the restart
        }
        LOG.log(Level.WARNING, "Giving up on " + event.eventType() + " " + id + " after " + settings.maxAttempts() + " attempts", last);
        return park(channel, message, id, DeadLetter.Reason.FAILING, "failed " + settings.maxAttempts() + " times: " + describe(last));
    }

    /** Applies {@code event} unless it was already; inside the caller's transaction. */
    private ConsumerMetrics.Outcome apply(Subscription subscription, EventEnvelope event) {
        String id = event.eventId().toString();
        if (processed.contains(id)) {
            return ConsumerMetrics.Outcome.DUPLICATE;
        }
        handle(subscription, event);
        processed.record(id, subscription.channel(), ProcessedMessage.Outcome.APPLIED, clock.instant());
        return ConsumerMetrics.Outcome.APPLIED;
    }

    /** Gives a handled event to its handler; refuses one of a type the consumer does not know. */
    static void handle(Subscription subscription, EventEnvelope event) {
        if (subscription.types().of(event.eventType()) == EventTypes.Disposition.UNKNOWN) {
            throw new EventRejectedException("unknown event type " + event.eventType() + " on " + subscription.channel());
        }
        subscription.handler().handle(event);
    }

    /**
     * Acknowledges an event the consumer has nothing to do for, without a transaction: applying "nothing"
     * again on a redelivery is the same as applying it once, so no inbox row is needed to tell them apart.
     */
    private void ignore(String channel, ReceivedMessage message, EventEnvelope event) {
        Span span = startProcess(channel, message, event);
        span.setAttribute(MessageTracing.OUTCOME, ConsumerMetrics.Outcome.IGNORED.label());
        span.end();
        metrics.count(channel, ConsumerMetrics.Outcome.IGNORED);
    }

    /** Counts a committed outcome and names it on the current message's span. */
    private void counted(String channel, ConsumerMetrics.Outcome outcome) {
        metrics.count(channel, outcome);
        Span.current().setAttribute(MessageTracing.OUTCOME, outcome.label());
    }

    private Span startProcess(String channel, ReceivedMessage message, EventEnvelope event) {
        return tracing.startProcess(message.textHeaders(), message.topic(), message.partition(), message.offset(), settings.name(),
                event == null ? null : event.eventId().toString(), event == null ? null : event.eventType());
    }

    private static void endAll(List<Span> spans, Throwable failure) {
        spans.forEach(span -> MessageTracing.end(span, failure));
    }

    /** An envelope, or why the message is not one. */
    private record Read(EventEnvelope event, String problem) {}

    private static Read read(ReceivedMessage message) {
        if (message.value() == null) {
            return new Read(null, "no value");
        }
        Optional<String> text = message.text();
        if (text.isEmpty()) {
            return new Read(null, "not UTF-8");
        }
        try {
            return new Read(EventEnvelope.fromJson(text.get()), null);
        } catch (MalformedEventException e) {
            return new Read(null, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return new Read(null, "unreadable: " + e.getClass().getSimpleName());
        }
    }

    /** Whether the message is recorded as processed; empty when the database cannot be asked. */
    private Optional<Boolean> processedMeanwhile(String id) {
        try {
            return Optional.of(processed.containsCommitted(id));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Parks a message: a message is never acknowledged unrecorded. A copy too big or too odd for the
     * DLT record or the outbox's columns is truncated ({@link DeadLetterCopy}); should even that fail
     * while the database answers, a minimal copy (facts and reason only) is parked instead, so
     * parking ends unless the database itself refuses every write — and then readiness says so.
     */
    boolean park(String channel, ReceivedMessage message, String id, DeadLetter.Reason code, String reason) {
        LOG.warning(() -> "Parking message " + message.coordinates() + " on " + message.topic() + DLT_SUFFIX + ": "
                + DeadLetterCopy.cut(reason, 300));
        Map<String, String> parking = new LinkedHashMap<>();
        parking.put(HEADER_DLT_REASON, reason);
        parking.put(HEADER_DLT_TOPIC, message.topic());
        parking.put(HEADER_DLT_PARTITION, String.valueOf(message.partition()));
        parking.put(HEADER_DLT_OFFSET, String.valueOf(message.offset()));
        parking.put(HEADER_DLT_CONSUMER, settings.name());
        for (int attempt = 1; !stopping; attempt++) {
            boolean minimal = attempt > FULL_COPY_ATTEMPTS;
            try {
                ReceivedMessage kept = minimal ? withoutContent(message) : message;
                DeadLetterCopy copy = DeadLetterCopy.of(kept, parking);
                ConsumerMetrics.Outcome outcome = transactions.inNewTransaction(() -> {
                    if (processed.contains(id)) {
                        return ConsumerMetrics.Outcome.DUPLICATE;
                    }
                    outbox.send(message.topic() + DLT_SUFFIX, copy.key(), copy.value(), copy.headers());
                    deadLetters.add(new DeadLetter(channel, id, kept, code, reason, clock.instant()));
                    processed.record(id, channel, ProcessedMessage.Outcome.PARKED, clock.instant());
                    return ConsumerMetrics.Outcome.PARKED;
                });
                counted(channel, outcome);
                return true;
            } catch (RuntimeException | StackOverflowError e) {
                channels.trouble(channel, "cannot park " + message.coordinates() + " (attempt " + attempt + "): " + e);
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.log(Level.WARNING, "Could not park " + message.coordinates() + " (attempt " + attempt + "), retrying", e);
                }
                pause(retry.after(Math.min(attempt, 6)));
            }
        }
        return false;
    }

    /** The root cause first (a database's message names the constraint), then what wrapped it. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure) : root + " (in " + failure.getClass().getName() + ")";
    }

    private static ReceivedMessage withoutContent(ReceivedMessage message) {
        return new ReceivedMessage(message.topic(), message.partition(), message.offset(), null, null, List.of());
    }

    private void pause(java.time.Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
