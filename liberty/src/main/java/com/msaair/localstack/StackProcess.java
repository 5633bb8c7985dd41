package com.msaair.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A process of the stack (a Liberty server, a Kafka broker, Keycloak, Zipkin, PostgreSQL, nginx, ...)
 * and its life, the same for each: prepared (installed, configured, formatted) and started with its
 * environment, its output in a log file of its own; ready when its own check says so, by a deadline;
 * stopped gracefully (SIGTERM) within its grace, then killed; or killed at once (SIGKILL: a crash).
 * A subclass says only what is its own: its command line and environment, what it prepares, what
 * "ready" means when listening on its port is not enough, how long a graceful stop may take.
 *
 * <p>Waiting for it either returns with the process ready or throws, saying why in the process's
 * own words (the tail of its log), with the process stopped: one that did not come up by its deadline
 * is not left behind for the next start to trip over.
 */
public abstract class StackProcess {

    /** A process that failed to come up has nothing in flight to finish. */
    private static final Duration FAILED_START_GRACE = Duration.ofSeconds(10);
    private static final Duration KILL_WAIT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 200;
    private static final int TAIL_LINES = 30;
    // HTTP/1.1, as curl and the probes of Kubernetes speak it: the JDK client's default h2c upgrade
    // made Liberty write an FFDC ("stream was already closed") when a probe connection ended.
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String label;
    private final Path folder;
    private final Path output;
    private final Duration grace;
    private final List<Integer> ports;
    private volatile Process process;
    private volatile boolean readySinceStart;

    /**
     * @param label  what messages call it ("Keycloak", "Kafka (node 2)", a Liberty server's label)
     * @param folder where it runs and keeps what is its own
     * @param output the file in {@code folder} its standard output and error go to
     * @param grace  how long a graceful stop may take before it is killed
     * @param ports  the ports it listens on, the first the one it serves on; each must be free when it starts
     */
    protected StackProcess(String label, Path folder, String output, Duration grace, int... ports) {
        this.label = label;
        this.folder = folder;
        this.output = folder.resolve(output);
        this.grace = grace;
        this.ports = IntStream.of(ports).boxed().toList();
    }

    /** Installs, configures, formats: whatever must be in place before every start. */
    protected void prepare() {}

    protected abstract List<String> commandLine();

    /** What it gets in its environment besides the launcher's own. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    /** Whether it answers as ready now; by default, whether it listens on its port. */
    public boolean isReady() {
        return Ports.isListening(port());
    }

    /** Throws, saying why, when the process runs but waiting longer for it would not help. */
    protected void failIfHopeless() {}

    public String label() {
        return label;
    }

    /** The port it serves on. */
    public int port() {
        return ports.get(0);
    }

    public List<Integer> ports() {
        return ports;
    }

    protected Path folder() {
        return folder;
    }

    /** Where to read what it said. */
    public Path log() {
        return output;
    }

    /** What it said last, for an error message. */
    public String errors() {
        return tail(output, TAIL_LINES);
    }

    public boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    /**
     * Whether it has been ready once since it started: only then does a failing liveness check mean
     * something (Kubernetes' startup probe plays this part).
     */
    public boolean hasBeenReady() {
        return isRunning() && readySinceStart;
    }

    public long pid() {
        return started().pid();
    }

    /** Starts the process without waiting for it ({@link #awaitReady} waits). */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException(label + " is already running");
        }
        ports.forEach(port -> Ports.requireFree(port, label));
        prepare();
        readySinceStart = false;
        process = spawn(label, commandLine(), environment(), folder, output);
    }

    /** Starts the process and returns once it is ready. */
    public void start(Duration timeout) {
        start();
        awaitReady(timeout);
    }

    /** Returns once the started process is ready; fails with its own words, and stops it, if it ends or times out first. */
    public void awaitReady(Duration timeout) {
        Process starting = started();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!starting.isAlive()) {
                    throw new Exited(label + " exited while starting:\n" + errors());
                }
                failIfHopeless();
                if (isReady()) {
                    readySinceStart = true;
                    return;
                }
                sleep(POLL_MILLIS);
            }
            throw new IllegalStateException(label + " was not ready within " + timeout.toSeconds() + " s:\n" + errors());
        } catch (RuntimeException e) {
            stop(starting, FAILED_START_GRACE);
            throw e;
        }
    }

    /** A graceful stop (SIGTERM), a kill if it has not ended within its grace. */
    public synchronized void stop() {
        if (process != null) {
            stop(process, grace);
        }
    }

    /** Stops (gracefully) and starts again, returning when ready. */
    public synchronized void restart(Duration timeout) {
        stop();
        start(timeout);
    }

    /** kill -9: no shutdown hooks, no flushing — a crash. */
    public synchronized void kill() {
        if (process != null) {
            kill(process);
        }
    }

    /** Stops them all at once: one after the other, each would wait out its grace while the next one waits. */
    static void stopTogether(Collection<? extends StackProcess> processes) {
        CompletableFuture.allOf(processes.stream()
                        .map(process -> CompletableFuture.runAsync(process::stop))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    /** Runs a tool to its end (formatting storage, creating a cluster), its output in {@code log}; fails with that output's tail. */
    static void run(String what, List<String> command, Map<String, String> environment, Path folder, Path log, Duration timeout) {
        Process tool = spawn(what, command, environment, folder, log);
        if (!waitFor(tool, timeout)) {
            kill(tool);
            throw new IllegalStateException(what + " did not finish within " + timeout.toSeconds() + " s:\n" + tail(log, TAIL_LINES));
        }
        if (tool.exitValue() != 0) {
            throw new IllegalStateException(what + " failed:\n" + tail(log, TAIL_LINES));
        }
    }

    /** Writes a file the process reads (its configuration), making its folder first. */
    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The HTTP status and body of a GET; status -1 when nothing answers in time. */
    public record HttpAnswer(int status, String body) {}

    static HttpAnswer httpGet(URI uri, Duration timeout) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new HttpAnswer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new HttpAnswer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HttpAnswer(-1, "interrupted");
        }
    }

    /** The JVM the launcher runs on, for the processes that are Java programs. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The last lines of a log, for error messages. */
    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no output)";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** The process died while it was being waited for (as opposed to taking too long). */
    static final class Exited extends IllegalStateException {
        Exited(String message) {
            super(message);
        }
    }

    private Process started() {
        Process started = process;
        if (started == null) {
            throw new IllegalStateException(label + " has not been started");
        }
        return started;
    }

    private static Process spawn(String what, List<String> command, Map<String, String> environment, Path folder, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(folder);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + what + ": " + e.getMessage(), e);
        }
    }

    private static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(process, grace)) {
            kill(process);
        }
    }

    private static void kill(Process process) {
        process.destroyForcibly();
        waitFor(process, KILL_WAIT);
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
