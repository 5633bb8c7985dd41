package com.msaair.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One Liberty server process ({@code wlp/bin/server run <name>}, which execs the JVM, so the process
 * is the server). Configuration reaches it only through environment variables, as in a container.
 * Two instances of the same server (a service scaled out) differ by their output directory.
 */
public final class LibertyServer {

    // HTTP/1.1, as curl and the probes of Kubernetes speak it: the JDK client's default h2c upgrade
    // made Liberty write an FFDC ("stream was already closed") when a probe connection ended.
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final StackLayout layout;
    private final String serverName;
    private final String label;
    private final int port;
    private final Path outputDir;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private volatile ManagedProcess process;
    private volatile boolean readySinceStart;

    public LibertyServer(StackLayout layout, String serverName, String label, int port, Path outputDir) {
        this.layout = layout;
        this.serverName = serverName;
        this.label = label;
        this.port = port;
        this.outputDir = outputDir;
    }

    /** The service's server on its usual port, its output in the data folder. */
    public static LibertyServer of(StackLayout layout, Service service) {
        return new LibertyServer(layout, service.serverName(), service.serverName(), service.port(), layout.serversOutput());
    }

    /** Sets an environment variable for the next start (HTTP_PORT, KAFKA_BOOTSTRAP_SERVERS, DB_MODE, ...). */
    public LibertyServer env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public LibertyServer env(Map<String, String> values) {
        environment.putAll(values);
        return this;
    }

    /** Removes variables set with {@link #env}, for the next start. */
    public LibertyServer unsetEnv(String... names) {
        for (String name : names) {
            environment.remove(name);
        }
        return this;
    }

    public String label() {
        return label;
    }

    public String serverName() {
        return serverName;
    }

    public int port() {
        return port;
    }

    public URI uri() {
        return URI.create("http://localhost:" + port);
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Where this server writes messages.log and its Derby files. */
    public Path serverOutput() {
        return outputDir.resolve(serverName);
    }

    public Path messagesLog() {
        return serverOutput().resolve("logs/messages.log");
    }

    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException(label + " is already running");
        }
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("Port " + port + " for " + label + " is already in use" + describeHolder(port));
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WLP_OUTPUT_DIR", outputDir.toString());
        env.put("HTTP_PORT", String.valueOf(port));
        env.putAll(environment);
        readySinceStart = false;
        process = ManagedProcess.launch(label, List.of(layout.serverLauncher().toString(), "run", serverName), env,
                outputDir, outputDir.resolve(label + ".console.log"));
    }

    /** Waits until {@code /health/ready} is UP; fails with the server's own words if it dies or times out. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(label + " exited while starting:\n" + errors());
            }
            if (applicationFailed()) {
                throw new IllegalStateException(label + "'s application failed to start:\n" + errors());
            }
            if (isReady()) {
                readySinceStart = true;
                return;
            }
            KafkaBroker.sleep(250);
        }
        throw new IllegalStateException(label + " was not ready within " + timeout.toSeconds() + " s:\n" + errors());
    }

    /** CWWKZ0002E: the server runs, but the application did not start; waiting longer would not help. */
    private boolean applicationFailed() {
        try {
            return Files.exists(messagesLog()) && Files.readString(messagesLog()).contains("CWWKZ0002E");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public boolean isReady() {
        return healthStatus("/health/ready") == 200;
    }

    /**
     * Whether this process has been ready once since it started: only then does a failing liveness
     * check mean something (Kubernetes' startup probe plays this part).
     */
    public boolean hasBeenReady() {
        return isRunning() && readySinceStart;
    }

    /** The HTTP status of a health endpoint, or -1 when nothing answers in time. */
    public int healthStatus(String path) {
        return health(path).status();
    }

    /** A health endpoint's status and body; status -1 when nothing answers in time. */
    public record Health(int status, String body) {}

    public Health health(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri().resolve(path)).timeout(Duration.ofSeconds(3)).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Health(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Health(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Health(-1, "interrupted");
        }
    }

    /** Graceful stop (SIGTERM: Liberty stops accepting, finishes work in flight, closes consumers). */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(60));
        }
    }

    /** Stops (gracefully) and starts again, returning when ready. */
    public synchronized void restart(Duration timeout) {
        stop();
        start();
        awaitReady(timeout);
    }

    /** kill -9: a crash. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    /** The error lines of messages.log (JSON, one object a line), or the console output when there are none. */
    public String errors() {
        try {
            if (Files.exists(messagesLog())) {
                try (Stream<String> lines = Files.lines(messagesLog())) {
                    String problems = lines.filter(l -> l.contains("\"loglevel\":\"SEVERE\"") || l.contains("ERROR") || l.contains("CWWKE0")
                                    || l.contains("CWWKO0221E") || l.contains("Exception"))
                            .limit(30)
                            .collect(Collectors.joining(System.lineSeparator()));
                    if (!problems.isBlank()) {
                        return problems + System.lineSeparator() + "(full log: " + messagesLog() + ")";
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall back to the console
        }
        return process == null ? "(not started)" : process.tail(30);
    }

    static String describeHolder(int port) {
        String holder = Ports.holder(port);
        return holder.isEmpty() ? "" : " by: " + holder;
    }
}
