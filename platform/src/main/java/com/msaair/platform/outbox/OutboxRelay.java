package com.msaair.platform.outbox;

import com.msaair.platform.json.JsonSupport;
import com.msaair.platform.lease.Leases;
import com.msaair.platform.tracing.MessageTracing;
import com.msaair.platform.worker.Backoff;
import com.msaair.platform.worker.HeldLease;
import com.msaair.platform.worker.Poller;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Takes outbox rows to Kafka, oldest first, and removes each one only after the broker has
 * acknowledged it. It runs on a managed executor, never on a request thread: while Kafka is down a
 * send blocks its caller, and bookings must go on at normal speed meanwhile (their events wait
 * in the table). A commit that wrote to the outbox wakes it at once; a poll catches the rest
 * (rows written by another replica, rows left by a failed attempt), less often while it finds none
 * ({@link Poller}: at most four poll intervals after a quiet time).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final Backoff BACKOFF = Backoff.of(500, 10_000);
    /** Room for the replicas' clocks to differ: a relay stops counting acknowledgements this long before its lease ends. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(1);

    static final String LEASE = "outbox-relay";

    @Inject
    OutboxStore store;

    @Inject
    Leases leases;

    @Inject
    OutboxRefusals refusals;

    @Inject
    OutboxProducer producer;

    @Inject
    Clock clock;

    @Inject
    MessageTracing tracing;

    @Inject
    OutboxMetrics metrics;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    OutboxSettings settings;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    /** Whether a drain found rows since the poller last looked: the poller keeps its pace while there are. */
    private final AtomicBoolean foundRows = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile Instant pausedUntil = Instant.EPOCH;
    private int consecutiveFailures;
    private HeldLease lease;
    private Poller poller;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        refusals.registerMetrics();
        metrics.register();
        poller = new Poller(executor, settings.pollInterval(), this::poll);
        poller.start();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (poller != null) {
            poller.stop();
        }
    }

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        requestDrain();
    }

    /** The poller's look: a drain, and whether rows are waiting (the drains since the last look found some, or a failure paused it). */
    private boolean poll() {
        requestDrain();
        return foundRows.getAndSet(false) || clock.instant().isBefore(pausedUntil);
    }

    /** Asks for a drain; concurrent requests coalesce into the one running. */
    void requestDrain() {
        requested.set(true);
        if (!stopping && draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false); // shutting down
            }
        }
    }

    private void drain() {
        try {
            while (!stopping && requested.getAndSet(false)) {
                relayPending();
            }
        } catch (RuntimeException e) {
            failed(e);
        } finally {
            draining.set(false);
        }
        // A request that arrived between the last check and the reset above would otherwise wait for the poll.
        if (requested.get() && !stopping && !clock.instant().isBefore(pausedUntil)) {
            requestDrain();
        }
    }

    /**
     * Publishes batches until none is left, a send fails or the lease is lost. The lease is checked
     * before every batch, not once per drain: under steady load the table is never empty, and a relay
     * that went on past its lease would publish alongside the replica that took it over (each event
     * twice, out of order, and the two relays' deletes deadlocking in the database).
     */
    void relayPending() {
        List<Long> published = List.of();
        while (!stopping && mayPublish(clock.instant())) {
            List<OutboxMessage> batch = store.removePublishedAndFetch(published, settings.batchSize());
            published = List.of();
            if (batch.isEmpty()) {
                return;
            }
            foundRows.set(true);
            published = publish(batch);
            if (published.size() < batch.size()) {
                break; // publish() recorded the failure and paused the relay
            }
            if (consecutiveFailures > 0) {
                LOG.info(() -> "Outbox relay is publishing again after " + consecutiveFailures + " failed attempts");
                consecutiveFailures = 0;
            }
        }
        if (!published.isEmpty()) {
            store.removePublished(published);
        }
    }

    private boolean mayPublish(Instant now) {
        return !now.isBefore(pausedUntil) && lease().holdFor(Duration.ZERO);
    }

    private HeldLease lease() {
        if (lease == null) {
            lease = new HeldLease(leases, LEASE, settings.leaseTerm(), clock);
        }
        return lease;
    }

    /**
     * Sends a batch and waits for the broker's acknowledgements. Returns the ids of the unbroken run
     * of acknowledged rows from the start: only those count as published, so a key's events stay in
     * order (a row after a failed one is sent again next time, in order). A row the broker refuses
     * for good is set aside and does not break the run: sending it again would fail again, for ever,
     * and every row behind it would wait.
     */
    private List<Long> publish(List<OutboxMessage> batch) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>(batch.size());
        long sentAt = System.nanoTime();
        for (OutboxMessage message : batch) {
            try {
                Map<String, String> headers = storedHeaders(message);
                Span span = tracing.startSend(message.topic(), message.key(), headers, headers.get(Outbox.HEADER_EVENT_ID));
                spans.add(span);
                acks.add(producer.send(toRecord(message, headers)));
            } catch (RuntimeException e) {
                acks.add(CompletableFuture.failedFuture(e));
                if (spans.size() < acks.size()) {
                    spans.add(Span.getInvalid());
                }
                if (refusal(e) == null) {
                    break; // later rows must not overtake this one
                }
            }
        }
        List<Long> published = new ArrayList<>(acks.size());
        // An acknowledgement that comes after the lease ran out is not counted: the row may already
        // be another replica's to send.
        long untilLeaseEnds = Duration.between(clock.instant(), lease().expiresAt().minus(LEASE_MARGIN)).toNanos();
        long deadline = System.nanoTime() + Math.min(settings.ackTimeout().toNanos(), untilLeaseEnds);
        int answered = 0;
        for (int i = 0; i < acks.size(); i++, answered++) {
            Throwable failure;
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                MessageTracing.end(spans.get(i), null);
                metrics.published(batch.get(i), System.nanoTime() - sentAt);
                published.add(batch.get(i).id());
                continue;
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (TimeoutException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed(e);
                break;
            }
            MessageTracing.end(spans.get(i), failure);
            String refusal = refusal(failure);
            if (refusal == null) {
                failed(failure);
                answered++;
                break;
            }
            setAside(batch.get(i), refusal);
        }
        for (int i = answered; i < spans.size(); i++) {
            MessageTracing.end(spans.get(i), new IllegalStateException("not confirmed by the broker; sent again later"));
        }
        return published;
    }

    private void setAside(OutboxMessage message, String reason) {
        LOG.warning(() -> "Outbox row " + message.id() + " for " + message.topic() + " was refused by the broker for good ("
                + reason + "); set aside in OUTBOX_REFUSED, the rows behind it go on");
        refusals.setAside(message, reason, clock.instant());
    }

    /**
     * Why the broker will never take this record, or null when the failure may pass (the broker down
     * or slow, a leader election, a timeout): those are waited out, the record is not set aside.
     */
    static String refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidTopicException || cause instanceof SerializationException
                    || cause instanceof InvalidRecordException || cause instanceof UnreadableHeadersException) {
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return null;
    }

    private void failed(Throwable failure) {
        producer.failed(failure);
        consecutiveFailures++;
        long backoffMs = BACKOFF.after(consecutiveFailures).toMillis();
        pausedUntil = clock.instant().plusMillis(backoffMs);
        if (consecutiveFailures == 1 || consecutiveFailures % 20 == 0) {
            LOG.log(Level.WARNING, "Outbox relay could not publish (attempt " + consecutiveFailures
                    + "); events wait in the outbox, retrying in " + backoffMs + " ms: " + failure);
        }
    }

    /** A row whose stored headers are not a JSON object of strings: it can never be sent as it is. */
    static final class UnreadableHeadersException extends RuntimeException {
        UnreadableHeadersException(Throwable cause) {
            super("stored headers are not a JSON object of strings: " + cause, cause);
        }
    }

    /** The headers stored with the row (a JSON object of strings), in their order. */
    static Map<String, String> storedHeaders(OutboxMessage message) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (message.headers() != null) {
            try (JsonReader reader = JsonSupport.reader(new StringReader(message.headers()))) {
                JsonObject json = reader.readObject();
                json.forEach((name, value) -> headers.put(name, ((JsonString) value).getString()));
            } catch (RuntimeException e) {
                throw new UnreadableHeadersException(e);
            }
        }
        return headers;
    }

    static ProducerRecord<String, String> toRecord(OutboxMessage message) {
        return toRecord(message, storedHeaders(message));
    }

    static ProducerRecord<String, String> toRecord(OutboxMessage message, Map<String, String> headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, value) -> recordHeaders.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return new ProducerRecord<>(message.topic(), null, message.key(), message.payload(), recordHeaders);
    }
}
