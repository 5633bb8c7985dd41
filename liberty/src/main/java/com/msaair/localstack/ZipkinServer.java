package com.msaair.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The local stack's trace backend: Zipkin's server from Maven Central (its executable jar), in its own
 * JVM on 127.0.0.1, keeping spans in memory (the newest {@value #MAX_SPANS}). The services export to it
 * over Zipkin's own protocol; its UI and query API are on {@link #url()}. Cheap enough (ready in a few
 * seconds, a few hundred MB) to run by default: a developer opens a booking's trace without asking.
 */
public final class ZipkinServer {

    static final int PORT = 9411;
    static final int MAX_SPANS = 200_000;

    private final StackLayout layout;
    private final int port;
    private ManagedProcess process;

    public ZipkinServer(StackLayout layout, int port) {
        this.layout = layout;
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** The UI ({@code /zipkin/}) and the query API ({@code /api/v2/...}). */
    public String url() {
        return "http://localhost:" + port;
    }

    /** Where the services send their spans. */
    public String spansEndpoint() {
        return url() + "/api/v2/spans";
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return layout.data().resolve("zipkin/zipkin.log");
    }

    /** Starts the server; {@link #awaitReady} waits for it. */
    public void launch() {
        if (!Files.isRegularFile(layout.zipkinJar())) {
            throw new IllegalStateException("Zipkin is not built yet: run ./mvnw install -DskipTests in " + layout.root());
        }
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("Port " + port + " for Zipkin is already in use" + LibertyServer.describeHolder(port));
        }
        process = ManagedProcess.launch("zipkin", List.of(KafkaBroker.java(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-jar", layout.zipkinJar().toString(),
                        // One HTTP port, on the loopback interface only (by default Zipkin listens on every interface).
                        "--armeria.ports[0].port=" + port, "--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].protocols[0]=http"),
                Map.of("QUERY_PORT", String.valueOf(port), "STORAGE_TYPE", "mem", "MEM_MAX_SPANS", String.valueOf(MAX_SPANS),
                        "COLLECTOR_ACTIVEMQ_ENABLED", "false", "COLLECTOR_KAFKA_ENABLED", "false", "COLLECTOR_RABBITMQ_ENABLED", "false",
                        "COLLECTOR_SCRIBE_ENABLED", "false"),
                log().getParent(), log());
    }

    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Zipkin exited while starting:\n" + process.tail(20));
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(url() + "/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Zipkin", e);
            }
            KafkaBroker.sleep(250);
        }
        throw new IllegalStateException("Zipkin was not ready within " + timeout.toSeconds() + " s:\n" + process.tail(20));
    }

    public void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
        }
    }

    public void kill() {
        if (process != null) {
            process.kill();
        }
    }
}
