package com.msaair.localstack;

import java.io.IOException;
import java.net.URI;
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
public final class LibertyServer extends StackProcess {

    private final StackLayout layout;
    private final String serverName;
    private final Path outputDir;
    private final Map<String, String> environment = new LinkedHashMap<>();

    public LibertyServer(StackLayout layout, String serverName, String label, int port, Path outputDir) {
        super(label, outputDir, label + ".console.log", Duration.ofSeconds(60), port);
        this.layout = layout;
        this.serverName = serverName;
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

    public String serverName() {
        return serverName;
    }

    public URI uri() {
        return URI.create("http://localhost:" + port());
    }

    /** Where this server writes messages.log and its Derby files. */
    public Path serverOutput() {
        return outputDir.resolve(serverName);
    }

    public Path messagesLog() {
        return serverOutput().resolve("logs/messages.log");
    }

    @Override
    public Path log() {
        return messagesLog();
    }

    @Override
    protected List<String> commandLine() {
        return List.of(layout.serverLauncher().toString(), "run", serverName);
    }

    @Override
    protected Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WLP_OUTPUT_DIR", outputDir.toString());
        env.put("HTTP_PORT", String.valueOf(port()));
        env.putAll(environment);
        return env;
    }

    /** CWWKZ0002E: the server runs, but the application did not start; waiting longer would not help. */
    @Override
    protected void failIfHopeless() {
        boolean applicationFailed;
        try {
            applicationFailed = Files.exists(messagesLog()) && Files.readString(messagesLog()).contains("CWWKZ0002E");
        } catch (IOException | RuntimeException e) {
            applicationFailed = false;
        }
        if (applicationFailed) {
            throw new IllegalStateException(label() + "'s application failed to start:\n" + errors());
        }
    }

    /** Whether {@code /health/ready} is UP. */
    @Override
    public boolean isReady() {
        return healthStatus("/health/ready") == 200;
    }

    /** The HTTP status of a health endpoint, or -1 when nothing answers in time. */
    public int healthStatus(String path) {
        return health(path).status();
    }

    /** A health endpoint's status and body; status -1 when nothing answers in time. */
    public HttpAnswer health(String path) {
        return httpGet(uri().resolve(path), Duration.ofSeconds(3));
    }

    /** The error lines of messages.log (JSON, one object a line), or the console output when there are none. */
    @Override
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
        return super.errors();
    }
}
