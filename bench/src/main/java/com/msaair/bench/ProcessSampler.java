package com.msaair.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples each process's resident memory every second and its CPU time at start and end (Linux /proc).
 * A process named with {@link #TREE} counts with all its descendants: PostgreSQL's work is done in the
 * postmaster's children (a backend per connection), and a child that ended is in the parent's
 * children's time (cutime, cstime). Their memory is summed, so PostgreSQL's shared buffers are counted
 * once per process that touched them: an upper bound.
 */
final class ProcessSampler implements AutoCloseable {

    private static final double TICKS_PER_SECOND = 100.0;
    /** The suffix of a name whose process counts with its descendants. */
    static final String TREE = " (all processes)";

    /** What one process used during the measurement. */
    record Usage(long maxRssMb, long lastRssMb, double cpuSeconds) {}

    private final Map<String, Long> pids;
    private final Map<String, Long> startTicks = new LinkedHashMap<>();
    private final Map<String, Long> maxRss = new ConcurrentHashMap<>();
    private final Map<String, Long> lastRss = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    private final long started;

    ProcessSampler(Map<String, Long> pids) {
        this.pids = pids;
        pids.forEach((name, pid) -> startTicks.put(name, ticks(name, pid)));
        this.started = System.nanoTime();
        timer.scheduleAtFixedRate(this::sampleMemory, 0, 1, TimeUnit.SECONDS);
    }

    private void sampleMemory() {
        pids.forEach((name, pid) -> {
            long rss = (name.endsWith(TREE) ? tree(pid).map(ProcessSampler::rssKb).sum() : rssKb(pid)) / 1024;
            lastRss.put(name, rss);
            maxRss.merge(name, rss, Math::max);
        });
    }

    Map<String, Usage> usage() {
        sampleMemory();
        Map<String, Usage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> usage.put(name, new Usage(maxRss.getOrDefault(name, 0L), lastRss.getOrDefault(name, 0L),
                (ticks(name, pid) - startTicks.get(name)) / TICKS_PER_SECOND)));
        return usage;
    }

    /** Seconds since the CPU times were first read: what the CPU seconds of {@link #usage()} are spread over. */
    double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static long ticks(String name, long pid) {
        if (!name.endsWith(TREE)) {
            return cpuTicks(pid);
        }
        return childrenTicks(pid) + tree(pid).map(ProcessSampler::cpuTicks).sum();
    }

    private static java.util.stream.LongStream tree(long pid) {
        return java.util.stream.LongStream.concat(java.util.stream.LongStream.of(pid),
                ProcessHandle.of(pid).map(p -> p.descendants().mapToLong(ProcessHandle::pid)).orElse(java.util.stream.LongStream.empty()));
    }

    /** The CPU time of the children that ended and were waited for (cutime, cstime). */
    private static long childrenTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone
        }
        return 0;
    }

    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
