package com.msaair.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Kafka and the MSA Air servers, started and stopped together. The command line ({@link Stack}) and
 * the system tests both use it, so what the tests run is what a developer runs.
 */
public final class LocalStack implements AutoCloseable {

    private final StackLayout layout;
    private final int portOffset;
    private final KafkaCluster kafka;
    private final KeycloakServer keycloak;
    private final ZipkinServer zipkin;
    private final int gatewayPort;
    private Nginx gateway;
    private PostgresServer postgres;
    private final Map<Service, LibertyServer> servers = new EnumMap<>(Service.class);
    /** The web front end's server; none when the stack runs without it. */
    private LibertyServer web;
    private final List<LibertyServer> extraServers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private LivenessWatchdog watchdog;

    /**
     * @param portOffset added to every usual port (9081-9086, 9092/9093 — to 9097 with three brokers —, Keycloak's 8180,
     *                   Zipkin's 9411), so a second stack (the tests') can run beside a developer's
     * @param kafkaBrokers 1 (the default) or 3 (a cluster as in production, for a rolling restart)
     */
    public LocalStack(StackLayout layout, Set<Service> services, int portOffset, int kafkaBrokers) {
        this.layout = layout;
        this.portOffset = portOffset;
        this.kafka = new KafkaCluster(layout, kafkaBrokers, 9092 + portOffset);
        this.keycloak = new KeycloakServer(layout, 8180 + portOffset);
        this.zipkin = new ZipkinServer(layout, ZipkinServer.PORT + portOffset);
        this.gatewayPort = Gateway.PORT + portOffset;
        for (Service service : services) {
            servers.put(service, server(service, service.serverName(), service.port() + portOffset, layout.serversOutput()));
        }
        this.web = new LibertyServer(layout, WebFrontEnd.SERVER, WebFrontEnd.SERVER, WebFrontEnd.PORT + portOffset, layout.serversOutput())
                .env(wiring())
                .env("OTEL_SERVICE_NAME", WebFrontEnd.SERVER)
                .env("OIDC_CLIENT_ID", WebFrontEnd.CLIENT_ID)
                // Where the realm sends the browser back (after signing in and out): the gateway, as the browser knows it.
                .env("OIDC_REDIRECT_URI", "http://localhost:" + gatewayPort + "/callback")
                // The web server calls the services' public APIs directly, as the gateway would route them.
                .env("RESERVATION_SERVICE_URL", "http://localhost:" + (Service.RESERVATION.port() + portOffset))
                .env("NOTIFICATION_SERVICE_URL", "http://localhost:" + (Service.NOTIFICATION.port() + portOffset))
                .env("HISTORY_SERVICE_URL", "http://localhost:" + (Service.HISTORY.port() + portOffset));
    }

    /** Leaves the web front end out (for ./msaair dev web, or where nobody browses). Call before start. */
    public LocalStack withoutWeb() {
        web = null;
        return this;
    }

    /** The web front end's server, when the stack runs it. */
    public java.util.Optional<LibertyServer> web() {
        return java.util.Optional.ofNullable(web);
    }

    public LocalStack(StackLayout layout, Set<Service> services, int portOffset) {
        this(layout, services, portOffset, 1);
    }

    public LocalStack(StackLayout layout, Set<Service> services) {
        this(layout, services, 0);
    }

    /**
     * A server of {@code service} wired to this stack's Kafka and services, not started: a second
     * replica, say, with its own port and output directory.
     */
    public LibertyServer newServer(Service service, String label, int port, java.nio.file.Path outputDir) {
        LibertyServer server = server(service, label, port, outputDir);
        extraServers.add(server);
        return server;
    }

    private LibertyServer server(Service service, String label, int port, java.nio.file.Path outputDir) {
        LibertyServer server = new LibertyServer(layout, service.serverName(), label, port, outputDir).env(wiring())
                .env("OTEL_SERVICE_NAME", service.serverName());
        if (service == Service.RESERVATION) {
            // Its own client's secret, and no other server's business: reservation alone may charge (ServiceClient).
            server.env("MSAAIR_SERVICE_IDENTITY_CLIENT_SECRET", keycloak.clientSecret(ServiceClient.RESERVATION));
        }
        return server;
    }

    /** Restarts servers whose liveness keeps failing, as Kubernetes would (see {@link LivenessWatchdog}). */
    public LivenessWatchdog watchLiveness(Duration period, int threshold, java.util.function.Consumer<String> log) {
        watchdog = new LivenessWatchdog(this::allServers, period, threshold, log);
        return watchdog;
    }

    /** The stack's servers (the web front end's too) and any extra replicas made with {@link #newServer}. */
    public List<LibertyServer> allServers() {
        List<LibertyServer> all = new ArrayList<>(servers.values());
        if (web != null) {
            all.add(web);
        }
        all.addAll(extraServers);
        return all;
    }

    /** The environment that points a server at this stack's Kafka, identity provider and the services it calls. */
    public Map<String, String> wiring() {
        Map<String, String> wiring = new java.util.LinkedHashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "OIDC_ISSUER", keycloak.issuer(),
                "SCHEDULE_SERVICE_URL", "http://localhost:" + (Service.SCHEDULE.port() + portOffset),
                "MILEAGE_SERVICE_URL", "http://localhost:" + (Service.MILEAGE.port() + portOffset),
                "PAYMENT_SERVICE_URL", "http://localhost:" + (Service.PAYMENT.port() + portOffset),
                // The servers' own JVM options (the shared jvm.options) come first; JVM_ARGS adds to them.
                "JVM_ARGS", System.getenv().getOrDefault("JVM_ARGS", "")));
        wiring.putAll(tracing());
        return wiring;
    }

    /**
     * MicroProfile Telemetry, switched on and exporting to this stack's Zipkin: every trace locally
     * (MSAAIR_TRACE_SAMPLING, a ratio, samples fewer); spans leave in batches every second, so a
     * developer finds a booking's trace at once. Liberty reads these at start. MSAAIR_TRACE_SAMPLING=off
     * switches tracing off (the benchmark's baseline).
     */
    private Map<String, String> tracing() {
        String sampling = System.getenv().getOrDefault("MSAAIR_TRACE_SAMPLING", "1.0");
        if (sampling.equals("off")) {
            return Map.of("OTEL_SDK_DISABLED", "true");
        }
        return Map.of(
                "OTEL_SDK_DISABLED", "false",
                "OTEL_TRACES_EXPORTER", "zipkin",
                "OTEL_EXPORTER_ZIPKIN_ENDPOINT", zipkin.spansEndpoint(),
                "OTEL_METRICS_EXPORTER", "none",
                "OTEL_LOGS_EXPORTER", "none",
                "OTEL_TRACES_SAMPLER", "parentbased_traceidratio",
                "OTEL_TRACES_SAMPLER_ARG", sampling,
                "OTEL_BSP_SCHEDULE_DELAY", "1000");
    }

    public int portOffset() {
        return portOffset;
    }

    /**
     * Keeps every service's data in PostgreSQL (a cluster of the stack's own, port 5432 + offset, a
     * database per service, started before the servers) instead of embedded Derby. Call before start.
     */
    public LocalStack onPostgres() {
        postgres = new PostgresServer(layout.data().resolve("postgresql"), 5432 + portOffset);
        servers.forEach((service, server) -> server.env(postgres.clientEnvironment(service.serverName())));
        return this;
    }

    /** The stack's PostgreSQL cluster, when it runs on one. */
    public java.util.Optional<PostgresServer> postgres() {
        return java.util.Optional.ofNullable(postgres);
    }

    /** Adjusts a server's environment before it starts (tests tune fault-tolerance timings this way). */
    public LocalStack configure(Service service, Consumer<LibertyServer> configuration) {
        configuration.accept(server(service));
        return this;
    }

    public StackLayout layout() {
        return layout;
    }

    public KafkaCluster kafka() {
        return kafka;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public ZipkinServer zipkin() {
        return zipkin;
    }

    /** The one entry point in front of the services (nginx; see {@link Gateway}). */
    /** Where the gateway takes gRPC calls (HTTP/2 without TLS): reservation's booking API, docs/grpc.md. */
    public int grpcGatewayPort() {
        return gatewayPort - Gateway.PORT + Gateway.GRPC_PORT;
    }

    public java.net.URI gatewayUri() {
        return java.net.URI.create("http://localhost:" + gatewayPort);
    }

    public long gatewayPid() {
        return gateway.pid();
    }

    public LibertyServer server(Service service) {
        LibertyServer server = servers.get(service);
        if (server == null) {
            throw new IllegalArgumentException(service.serverName() + " is not part of this stack");
        }
        return server;
    }

    public Set<Service> services() {
        return servers.keySet();
    }

    /**
     * Starts Kafka (creating the topics) and then every server at once, and returns when all are ready.
     * On any failure it stops what it started and throws, saying which part failed and why.
     */
    public void start(Duration timeout) {
        layout.requireBuilt();
        List<String> conflicts = new ArrayList<>();
        Ports.conflict(gatewayPort, "the gateway (nginx)").ifPresent(conflicts::add);
        processes().forEach(process -> process.ports().forEach(port -> Ports.conflict(port, process.label()).ifPresent(conflicts::add)));
        Ports.conflict(grpcGatewayPort(), "the gateway's gRPC entry (nginx)").ifPresent(conflicts::add);
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException(String.join(System.lineSeparator(), conflicts));
        }
        // On a fresh machine nginx comes from apt: installed while the rest starts, not after it.
        CompletableFuture<Void> nginxInstalled = CompletableFuture.runAsync(Nginx::ensureInstalled);
        try {
            // Keycloak takes longest and nothing waits for it to start: the services fetch its keys with the first token.
            keycloak.start();
            zipkin.start();
            if (postgres != null) {
                postgres.start(timeout, servers.keySet().stream().map(Service::serverName).toList());
            }
            kafka.start(timeout);
            kafka.createTopics();
            zipkin.awaitReady(timeout);
            List<LibertyServer> starting = new ArrayList<>(servers.values());
            if (servers.containsKey(Service.RESERVATION)) {
                // Read again now: the data folder may have been emptied since the server was made (the benchmark
                // makes its stack, then deletes the last run's data), and Keycloak is given the folder's secret.
                servers.get(Service.RESERVATION).env("MSAAIR_SERVICE_IDENTITY_CLIENT_SECRET", keycloak.clientSecret(ServiceClient.RESERVATION));
            }
            if (web != null) {
                // Its client secret is the one Keycloak was given for msaair-web (made on first start, kept in the data folder).
                starting.add(web.env("OIDC_CLIENT_SECRET", keycloak.clientSecret(WebFrontEnd.CLIENT_ID)));
            }
            starting.forEach(LibertyServer::start);
            List<String> failures = new ArrayList<>();
            for (LibertyServer server : starting) {
                try {
                    server.awaitReady(timeout);
                } catch (IllegalStateException e) {
                    failures.add(e.getMessage());
                }
            }
            nginxInstalled.join();
            gateway = Gateway.start(layout.data().resolve("gateway"), gatewayPort, portOffset);
            try {
                keycloak.awaitReady(timeout);
                ServiceClient.provision(keycloak, new Identities(keycloak).adminToken());
            } catch (IllegalStateException e) {
                failures.add(e.getMessage());
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException(String.join(System.lineSeparator(), failures));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Stops every server (at once), then the gateway, Kafka and the rest. */
    @Override
    public void close() {
        if (watchdog != null) {
            watchdog.close();
        }
        StackProcess.stopTogether(allServers());
        if (gateway != null) {
            gateway.stop();
        }
        kafka.stop();
        keycloak.stop();
        zipkin.stop();
        if (postgres != null) {
            postgres.stop();
        }
    }

    /** kill -9 of everything this stack started: for a JVM going away without its clean-up. */
    public void kill() {
        processes().forEach(StackProcess::kill);
        if (gateway != null) {
            gateway.kill();
        }
    }

    /** Every process of the stack but the gateway (made when it starts): the servers, Kafka's brokers, Keycloak, Zipkin, PostgreSQL. */
    public List<StackProcess> processes() {
        List<StackProcess> processes = new ArrayList<>(allServers());
        processes.addAll(kafka.brokers());
        processes.add(keycloak);
        processes.add(zipkin);
        if (postgres != null) {
            processes.add(postgres);
        }
        return processes;
    }

    static Duration startTimeout() {
        return Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("MSAAIR_START_TIMEOUT_SECONDS", "180")));
    }
}
