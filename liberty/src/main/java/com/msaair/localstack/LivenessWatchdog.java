package com.msaair.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Does for the local stack what the kubelet's liveness probe does on Kubernetes: a server whose
 * {@code /health/live} fails {@code threshold} times in a row (once it has been ready) is restarted.
 * A Kafka consumer loop that cannot heal itself in place (its consumer failing again and again, its
 * thread gone) makes liveness DOWN; the restart brings the consumer back, and the idempotent inbox
 * makes the redelivered messages harmless. A broker's restart is not such a case: the tests assert
 * that nothing is restarted then.
 */
public final class LivenessWatchdog implements AutoCloseable {

    /** A restart the watchdog made, and why. */
    public record Restart(String server, Instant at, String reason) {}

    private final Supplier<List<LibertyServer>> servers;
    private final int threshold;
    private final Consumer<String> log;
    private final ScheduledExecutorService timer;
    private final ConcurrentHashMap<LibertyServer, Integer> failures = new ConcurrentHashMap<>();
    private final List<Restart> restarts = new CopyOnWriteArrayList<>();

    public LivenessWatchdog(Supplier<List<LibertyServer>> servers, Duration period, int threshold, Consumer<String> log) {
        this.servers = servers;
        this.threshold = threshold;
        this.log = log;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "liveness-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<Restart> restarts() {
        return List.copyOf(restarts);
    }

    private void check() {
        for (LibertyServer server : servers.get()) {
            if (!server.hasBeenReady()) {
                failures.remove(server);
                continue;
            }
            StackProcess.HttpAnswer live = server.health("/health/live");
            if (live.status() == 200) {
                failures.remove(server);
                continue;
            }
            int failed = failures.merge(server, 1, Integer::sum);
            if (failed >= threshold) {
                failures.remove(server);
                String reason = "liveness failed " + failed + " times: " + live.body();
                log.accept(server.label() + ": " + reason + "; restarting it");
                restarts.add(new Restart(server.label(), Instant.now(), reason));
                try {
                    server.restart(LocalStack.startTimeout());
                    log.accept(server.label() + " restarted and ready");
                } catch (RuntimeException e) {
                    log.accept(server.label() + " could not be restarted: " + e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
