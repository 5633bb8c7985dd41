package com.msaair.platform.inbox;

import com.msaair.platform.kafka.KafkaSettings;
import com.msaair.platform.worker.Backoff;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Runs a {@link ConsumerLoop} for each channel this service consumes, on a thread of Liberty's
 * {@code ManagedThreadFactory} (so it has the application's context: CDI, transactions, JNDI), and
 * stops them with the application, each committing what its inbox finished.
 */
@ApplicationScoped
public class ConsumerLoops {

    private static final Logger LOG = Logger.getLogger(ConsumerLoops.class.getName());
    /** How long the application's stop waits for the loops to commit and close. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    @Inject
    KafkaSettings kafka;

    @Inject
    ConsumerChannels channels;

    @Inject
    ConsumerLag lag;

    @Inject
    Clock clock;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ConsumerSettings settings;

    private final List<ConsumerLoop> loops = new CopyOnWriteArrayList<>();
    private final Map<ConsumerLoop, Thread> running = new ConcurrentHashMap<>();

    /** Starts consuming {@code subscription}'s channel into {@code inbox}. */
    void start(Subscription subscription, Inbox inbox) {
        String channel = subscription.channel();
        String group = kafka.groupId();
        String clientId = settings.name() + "-" + channel;
        ConsumerLoop.Tuning tuning = new ConsumerLoop.Tuning(settings.maxBatch(), settings.commitInterval(), Duration.ofSeconds(1),
                Backoff.of(1_000, 30_000), settings.failuresBeforeDown(), Duration.ofMinutes(1));
        ConsumerLoop loop = new ConsumerLoop(subscription, () -> new KafkaConsumer<>(kafka.consumer(clientId)), inbox, channels, clock, tuning);
        channels.consuming(channel);
        lag.watch(group, channel);
        Thread thread = threads.newThread(loop);
        thread.setName("consumer-" + channel);
        loops.add(loop);
        running.put(loop, thread);
        thread.start();
        LOG.info(() -> "Consuming " + channel + " as group " + group);
    }

    @PreDestroy
    void stop() {
        loops.forEach(ConsumerLoop::stop);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ConsumerLoop loop : loops) {
            try {
                running.get(loop).join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
