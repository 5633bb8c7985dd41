package com.msaair.systemtest.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.LibertyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Faults made under a booking load ({@link LoadDriver}), each measured: how many requests failed (and
 * were retried by the client) from the fault until the stack was healthy again, how long that took,
 * how many servers the liveness watchdog restarted meanwhile — and, for a fault of Kafka, how long
 * after the broker was back every consumer applied events again.
 */
public final class Faults {

    private static final Logger LOG = Logger.getLogger(Faults.class.getName());

    /** How soon after a broker is back every consumer must apply events again. */
    public static final Duration CONSUMERS_BACK_WITHIN = Duration.ofSeconds(30);

    /** One fault, measured; {@code consumersBack} only for a fault of Kafka. */
    public record Window(String fault, long startMillis, long recoveredMillis, int failedRequests, int watchdogRestarts, Duration consumersBack) {}

    private Faults() {}

    /** Runs {@code fault} once the stack is healthy, and measures it until the stack is healthy again and bookings go on. */
    public static Window run(LoadDriver load, String name, Runnable fault) {
        SystemStack.awaitHealthy();
        int failedBefore = load.failures().size();
        int restartsBefore = SystemStack.watchdog().restarts().size();
        long start = System.currentTimeMillis();
        LOG.info("Fault: " + name);
        fault.run();
        SystemStack.awaitHealthy();
        long recovered = System.currentTimeMillis();
        int failed = load.failures().size() - failedBefore;
        load.awaitProgress(20);
        return new Window(name, start, recovered - start, failed, SystemStack.watchdog().restarts().size() - restartsBefore, null);
    }

    /**
     * A fault of Kafka: {@code fault} returns with the broker back. Then a new flight is registered (so
     * reservation's schedule consumer has something to apply too; the load reaches the others) and the
     * time until every consumer applies events again is measured. Checks at once that no server
     * process changed: the services rode the outage out in place.
     */
    public static Window ofKafka(LoadDriver load, String name, Runnable fault) {
        Map<String, Long> pids = pids();
        Duration[] consumersBack = new Duration[1];
        Window window = run(load, name, () -> {
            fault.run();
            Map<String, Double> applied = Consumers.applied();
            Api.registerFlight(10, 100);
            consumersBack[0] = Consumers.awaitEveryOneApplying(applied, Duration.ofMinutes(3));
        });
        assertThat(pids()).as("the same server processes after " + name).isEqualTo(pids);
        return new Window(window.fault(), window.startMillis(), window.recoveredMillis(), window.failedRequests(), window.watchdogRestarts(),
                consumersBack[0]);
    }

    /** An outage of events only: no request failed, no server was restarted, every consumer applied again in time. */
    public static void assertOutageOfEventsOnly(Window window) {
        assertThat(window.failedRequests()).as("requests failed during " + window.fault()).isZero();
        assertThat(window.watchdogRestarts()).as("servers restarted by their liveness probe during " + window.fault()).isZero();
        assertThat(window.consumersBack()).as("every consumer applying again after " + window.fault()).isLessThanOrEqualTo(CONSUMERS_BACK_WITHIN);
    }

    /** Writes the windows and the load's totals to {@code target/<file>} and the log. */
    public static void report(LoadDriver load, List<Window> windows, String file) {
        long cancelled = load.booked().values().stream().filter(b -> b.cancelled).count();
        StringBuilder md = new StringBuilder();
        md.append("| fault | failed requests (retried) | time to recover (s) | servers restarted by the watchdog"
                + " | every consumer applying again (s after the broker is back) |\n|---|---|---|---|---|\n");
        for (Window w : windows) {
            md.append("| ").append(w.fault()).append(" | ").append(w.failedRequests()).append(" | ")
                    .append(String.format("%.1f", w.recoveredMillis() / 1000.0)).append(" | ").append(w.watchdogRestarts()).append(" | ")
                    .append(w.consumersBack() == null ? "" : String.format("%.1f", w.consumersBack().toMillis() / 1000.0)).append(" |\n");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("bookingsAttempted", load.bookingsAttempted());
        summary.put("bookingsConfirmed", load.booked().size());
        summary.put("bookingsRefused", load.refused());
        summary.put("cancellations", cancelled);
        summary.put("failedRequestsRetried", load.failures().size());
        summary.put("watchdogRestarts", SystemStack.watchdog().restarts());
        md.append("\n").append(summary).append("\n");
        Path path = Path.of("target", file);
        try {
            Files.writeString(path, md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("Report (" + path.toAbsolutePath() + "):\n" + md);
    }

    private static Map<String, Long> pids() {
        Map<String, Long> pids = new TreeMap<>();
        SystemStack.stack().allServers().stream().filter(LibertyServer::isRunning).forEach(server -> pids.put(server.label(), server.pid()));
        return pids;
    }
}
