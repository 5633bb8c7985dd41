package com.msaair.localstack;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The local stack's trace backend: Zipkin's server from Maven Central (its executable jar), in its own
 * JVM on 127.0.0.1, keeping spans in memory (the newest {@value #MAX_SPANS}). The services export to it
 * over Zipkin's own protocol; its UI and query API are on {@link #url()}. Cheap enough (ready in a few
 * seconds, a few hundred MB) to run by default: a developer opens a booking's trace without asking.
 */
public final class ZipkinServer extends StackProcess {

    static final int PORT = 9411;
    static final int MAX_SPANS = 200_000;

    private final StackLayout layout;

    public ZipkinServer(StackLayout layout, int port) {
        super("Zipkin", layout.data().resolve("zipkin"), "zipkin.log", Duration.ofSeconds(20), port);
        this.layout = layout;
    }

    /** The UI ({@code /zipkin/}) and the query API ({@code /api/v2/...}). */
    public String url() {
        return "http://localhost:" + port();
    }

    /** Where the services send their spans. */
    public String spansEndpoint() {
        return url() + "/api/v2/spans";
    }

    @Override
    protected void prepare() {
        if (!Files.isRegularFile(layout.zipkinJar())) {
            throw new IllegalStateException("Zipkin is not built yet: run ./mvnw install -DskipTests in " + layout.root());
        }
    }

    @Override
    protected List<String> commandLine() {
        return List.of(java(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-jar", layout.zipkinJar().toString(),
                // One HTTP port, on the loopback interface only (by default Zipkin listens on every interface).
                "--armeria.ports[0].port=" + port(), "--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].protocols[0]=http");
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("QUERY_PORT", String.valueOf(port()), "STORAGE_TYPE", "mem", "MEM_MAX_SPANS", String.valueOf(MAX_SPANS),
                "COLLECTOR_ACTIVEMQ_ENABLED", "false", "COLLECTOR_KAFKA_ENABLED", "false", "COLLECTOR_RABBITMQ_ENABLED", "false",
                "COLLECTOR_SCRIBE_ENABLED", "false");
    }

    @Override
    public boolean isReady() {
        return httpGet(URI.create(url() + "/health"), Duration.ofSeconds(2)).status() == 200;
    }
}
