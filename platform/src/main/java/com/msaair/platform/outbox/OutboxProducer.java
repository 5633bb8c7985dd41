package com.msaair.platform.outbox;

import com.msaair.platform.kafka.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The relay's Kafka producer: a plain client ({@code acks=all}, idempotent, {@code max.block.ms}
 * bounded: see the platform's configuration), made on first use. It reconnects by itself when a
 * broker comes back; should it ever fail in a way it does not recover from, the relay has it
 * {@link #replace replaced}. Only the relay's thread sends, never a request thread: a send blocks
 * its caller while the broker cannot be reached.
 */
@ApplicationScoped
public class OutboxProducer {

    private static final Logger LOG = Logger.getLogger(OutboxProducer.class.getName());

    @Inject
    KafkaSettings kafka;

    private Producer<String, String> producer;

    /** Sends {@code record}; the future completes when the broker has acknowledged it, or fails. */
    public CompletableFuture<Void> send(ProducerRecord<String, String> record) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        producer().send(record, (metadata, failure) -> {
            if (failure == null) {
                acknowledged.complete(null);
            } else {
                acknowledged.completeExceptionally(failure);
            }
        });
        return acknowledged;
    }

    /**
     * Called with each failure the relay met: one the client does not retry by itself (not a broker
     * away, a leader moving, a timeout) may have left it unusable, so the next send gets a new one.
     * A record the broker refuses for good is not such a failure; the relay sets it aside.
     */
    void failed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return;
            }
            if (cause instanceof KafkaException || cause instanceof IllegalStateException) {
                replace(cause);
                return;
            }
        }
    }

    private synchronized void replace(Throwable why) {
        if (producer != null) {
            LOG.log(Level.WARNING, "Replacing the outbox relay's Kafka producer after " + why, why);
            close(producer);
            producer = null;
        }
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(kafka.producer("outbox-relay"));
        }
        return producer;
    }

    @PreDestroy
    synchronized void stop() {
        if (producer != null) {
            close(producer);
            producer = null;
        }
    }

    private static void close(Producer<String, String> producer) {
        try {
            producer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Closing the outbox relay's producer failed", e);
        }
    }
}
