package com.msaair.platform.inbox;

import com.msaair.platform.worker.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One channel's consumer: a plain Kafka consumer on a thread of its own, polling, handing what it
 * got to the inbox and committing the offsets of what the inbox has finished, and nothing else.
 *
 * <p>Why not Liberty's connector: with it, a broker that went away while offset commits were
 * pending killed the channel for good (docs/architecture.md), and only a restart of the JVM brought it
 * back. Here the Kafka client reconnects by itself, a commit that fails is only retried later (the
 * inbox makes the redelivery it may cause harmless), and the loop is the only one that touches the
 * consumer: no wakeup from another thread, except to stop.
 *
 * <p>Offsets: a poll's records, partition after partition, go to the inbox in batches of up to
 * {@code maxBatch}; each batch is one transaction when it applies cleanly. Offsets are committed only
 * for what the inbox has finished — synchronously, with a bounded wait, at most every
 * {@code commitInterval}, when partitions are revoked, and on the way out. A rebalance can only
 * happen inside {@code poll}, between batches, so nothing is in the inbox's hands then: revoked
 * partitions have their finished offsets committed and are forgotten; lost ones are just forgotten.
 *
 * <p>What goes wrong is healed here first: any failure of the consumer itself closes it and starts a
 * new one after a backoff, in place. Liveness is told only about what this cannot heal: the consumer
 * failing {@code failuresBeforeDown} times in a row with less than {@code healthyAfter} of work in
 * between (it keeps trying even then), or the thread ending.
 */
final class ConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class.getName());
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** How the loop is tuned; the defaults are the platform's configuration. */
    record Tuning(int maxBatch, Duration commitInterval, Duration pollTimeout, Backoff restartBackoff, int failuresBeforeDown,
            Duration healthyAfter) {}

    private final Subscription subscription;
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final Inbox inbox;
    private final ConsumerChannels channels;
    private final Clock clock;
    private final Tuning tuning;

    /** Offsets of what the inbox finished, not yet acknowledged by the broker; only the loop's thread touches it. */
    private final Map<TopicPartition, OffsetAndMetadata> finished = new HashMap<>();
    private long lastCommitNanos = System.nanoTime();
    private volatile Consumer<byte[], byte[]> current;
    private volatile boolean stopping;

    ConsumerLoop(Subscription subscription, Supplier<Consumer<byte[], byte[]>> consumers, Inbox inbox, ConsumerChannels channels, Clock clock,
            Tuning tuning) {
        this.subscription = subscription;
        this.consumers = consumers;
        this.inbox = inbox;
        this.channels = channels;
        this.clock = clock;
        this.tuning = tuning;
    }

    String channel() {
        return subscription.channel();
    }

    /** Asks the loop to finish: it commits what is finished and closes its consumer. */
    void stop() {
        stopping = true;
        Consumer<byte[], byte[]> consumer = current;
        if (consumer != null) {
            consumer.wakeup(); // the only call another thread makes, and the only reason for a WakeupException
        }
    }

    @Override
    public void run() {
        String channel = channel();
        String ended = "stopped with the application";
        int failures = 0;
        try {
            while (!stopping) {
                Instant started = clock.instant();
                Throwable failure = consumeUntilStoppedOrFailed();
                if (failure == null || stopping) {
                    break;
                }
                failures = Duration.between(started, clock.instant()).compareTo(tuning.healthyAfter()) >= 0 ? 1 : failures + 1;
                Duration wait = tuning.restartBackoff().after(failures);
                String reason = "consumer failed " + failures + " time(s) in a row, restarting it in " + wait.toMillis() + " ms: " + failure;
                if (failures >= tuning.failuresBeforeDown()) {
                    LOG.log(Level.SEVERE, "Channel " + channel + ": " + reason + "; reporting it as not consuming", failure);
                    channels.stopped(channel, reason);
                } else {
                    LOG.log(Level.WARNING, "Channel " + channel + ": " + reason, failure);
                    channels.recovering(channel, reason);
                }
                pause(wait);
            }
        } catch (RuntimeException | Error e) {
            ended = "its thread ended: " + e;
            LOG.log(Level.SEVERE, "Channel " + channel + " stopped: its thread ended", e);
            throw e;
        } finally {
            if (!stopping) {
                channels.stopped(channel, ended);
            }
        }
    }

    /** Runs one consumer until asked to stop (null) or until it fails (the failure). */
    private Throwable consumeUntilStoppedOrFailed() {
        finished.clear();
        Consumer<byte[], byte[]> consumer;
        try {
            consumer = consumers.get();
        } catch (RuntimeException e) {
            return e; // a configuration the client refuses, say: counted like any other failure
        }
        current = consumer;
        try {
            if (stopping) {
                return null;
            }
            consumer.subscribe(List.of(subscription.channel()), new Rebalance(consumer));
            boolean polled = false;
            while (!stopping) {
                commitIfDue(consumer);
                ConsumerRecords<byte[], byte[]> records = consumer.poll(tuning.pollTimeout());
                if (!polled) {
                    channels.consuming(channel()); // a restarted consumer that polls is healed
                    polled = true;
                }
                if (!records.isEmpty() && !handOver(records)) {
                    return null; // stopping: what the inbox did not finish is not committed, it comes again
                }
            }
            return null;
        } catch (WakeupException | InterruptException e) {
            if (e instanceof InterruptException) {
                stopping = true;
            }
            return stopping ? null : e;
        } catch (RuntimeException | StackOverflowError e) {
            return e;
        } finally {
            // An interrupt (the application stopping) must not cost the last commit: it is restored after.
            boolean interrupted = Thread.interrupted();
            commitFinished(consumer);
            current = null;
            closeQuietly(consumer);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Gives a poll's records to the inbox, partition after partition, in batches; records what each
     * finished batch lets be committed. Returns false when the server is stopping.
     */
    private boolean handOver(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> all = records.records(partition);
            for (int from = 0; from < all.size(); from += tuning.maxBatch()) {
                List<ConsumerRecord<byte[], byte[]>> batch = all.subList(from, Math.min(all.size(), from + tuning.maxBatch()));
                List<ReceivedMessage> received = new ArrayList<>(batch.size());
                batch.forEach(record -> received.add(ReceivedMessage.of(record)));
                channels.working(channel(), received.get(0).coordinates(), clock.instant());
                if (!inbox.receiveAll(subscription, received)) {
                    return false;
                }
                channels.done(channel());
                finished.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
            }
        }
        return true;
    }

    private void commitIfDue(Consumer<byte[], byte[]> consumer) {
        if (!finished.isEmpty() && System.nanoTime() - lastCommitNanos >= tuning.commitInterval().toNanos()) {
            commit(consumer, Map.copyOf(finished));
        }
    }

    /** On the way out: commits what was finished. The stop's wakeup may still be pending: it ends the first attempt. */
    private void commitFinished(Consumer<byte[], byte[]> consumer) {
        if (finished.isEmpty()) {
            return;
        }
        try {
            commit(consumer, Map.copyOf(finished));
        } catch (WakeupException e) {
            try {
                commit(consumer, Map.copyOf(finished));
            } catch (RuntimeException again) {
                LOG.log(Level.FINE, "Channel " + channel() + ": finished offsets not committed on the way out", again);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Channel " + channel() + ": finished offsets not committed on the way out", e);
        }
    }

    /**
     * Commits {@code offsets}, waiting at most {@link #COMMIT_TIMEOUT}. A commit that fails is not an
     * error: the broker may be away, the group rebalancing. The offsets stay to be committed with the
     * next ones; should they never be, the records after the last commit come again and the inbox
     * recognises them.
     */
    private void commit(Consumer<byte[], byte[]> consumer, Map<TopicPartition, OffsetAndMetadata> offsets) {
        lastCommitNanos = System.nanoTime();
        try {
            consumer.commitSync(offsets, COMMIT_TIMEOUT);
            offsets.forEach(finished::remove);
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Channel " + channel() + ": could not commit " + offsets + " now; will try again", e);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        private final Consumer<byte[], byte[]> consumer;

        Rebalance(Consumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> revoked = new HashMap<>();
            partitions.forEach(partition -> {
                OffsetAndMetadata offset = finished.remove(partition);
                if (offset != null) {
                    revoked.put(partition, offset);
                }
            });
            if (!revoked.isEmpty()) {
                commit(consumer, revoked);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(finished::remove); // another member owns them already: its commits count now
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Consumption starts at the group's committed offsets: nothing to do.
        }
    }

    private void closeQuietly(Consumer<byte[], byte[]> consumer) {
        try {
            consumer.close(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Channel " + channel() + ": closing the consumer failed", e);
        }
    }

    private void pause(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        try {
            while (!stopping && System.nanoTime() < until) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
