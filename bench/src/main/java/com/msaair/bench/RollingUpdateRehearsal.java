package com.msaair.bench;

import static com.msaair.bench.Console.pause;

import com.msaair.localstack.DerbyNetworkServer;
import com.msaair.localstack.Identities;
import com.msaair.localstack.LibertyServer;
import com.msaair.localstack.LocalStack;
import com.msaair.localstack.Nginx;
import com.msaair.localstack.Service;
import com.msaair.localstack.StackLayout;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A rolling update rehearsed locally: two reservation servers sharing one database (a Derby Network
 * Server) behind nginx, booked through continuously with wrk while each server is restarted in turn,
 * the next one only once the first is ready again — what Kubernetes does with maxUnavailable 0.
 * Every request must succeed. See k8s/rehearse-rolling-update.sh.
 */
public final class RollingUpdateRehearsal {

    /**
     * Ports 31080-31182 (Kafka 31092, Derby 23527): below Linux's ephemeral range (32768-60999). With
     * an offset of 30000 a restarted replica's port (39082) was once taken, while it was down, by an
     * outgoing connection of the load, and the replica could not bind it again ("Address already in
     * use" for 60 s, CI of 2026-12-01). The tests (offset 10000) and the benchmark (20000) are below
     * the range too.
     */
    private static final int OFFSET = 22000;
    private static final int SEATS_PER_FLIGHT = 900;
    /**
     * The load: {@value #CONNECTIONS} connections, each pausing {@value #PAUSE_MS} ms between bookings —
     * at most 20 a second, two thirds of what this stack books through nginx on a 2-core machine at full
     * speed (29/s). At full speed a restarting server got so little CPU that it took 79 s to be ready
     * again, and the second restart came after a 90 s load had ended (CI of 2026-12-06).
     */
    private static final int CONNECTIONS = 8;
    private static final int PAUSE_MS = 400;
    /** The load runs from this long before the first restart until this long after the last. */
    private static final long AROUND_MS = 5_000;
    /** wrk's duration, an upper bound: the load is stopped once the restarts are done. */
    private static final int MAX_SECONDS = 600;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        StackLayout base = StackLayout.fromEnvironment();
        StackLayout layout = base.withData(base.root().resolve("target/rolling-data"));
        layout.deleteData();
        LocalStack stack = new LocalStack(layout, EnumSet.of(Service.SCHEDULE, Service.MILEAGE, Service.PAYMENT), OFFSET)
                .withoutWeb();
        DerbyNetworkServer database = new DerbyNetworkServer(layout, layout.data().resolve("derby-network"), 1527 + OFFSET);
        List<LibertyServer> replicas = List.of(
                replica(stack, database, "reservation-a", 9082 + OFFSET, layout.data().resolve("servers-a")),
                replica(stack, database, "reservation-b", 9182 + OFFSET, layout.data().resolve("servers-b")));
        // Beside the stack's own gateway (9080 + OFFSET), which knows one reservation server only.
        int proxyPort = 9079 + OFFSET;
        Nginx nginx = null;
        int status = 1;
        try {
            // What a booking calls; notification and history only consume its events and have no part in its answer.
            log("Starting Kafka, Keycloak, schedule, mileage, payment, a Derby Network Server and two reservation servers");
            database.start(Duration.ofMinutes(1));
            stack.start(Duration.ofMinutes(5));
            replicas.forEach(LibertyServer::start);
            for (LibertyServer replica : replicas) {
                replica.awaitReady(Duration.ofMinutes(5));
            }
            nginx = startNginx(layout, proxyPort, replicas);
            Identities identities = new Identities(stack.keycloak());
            List<Identities.Person> people = identities.newUsers(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "rolling-" + i).toList(), "customer");
            String manager = identities.bearer("sora", "dev-only-sora");
            for (int i = 0; i < people.size(); i++) {
                post(Service.MILEAGE.port() + OFFSET, "/api/customers", "{\"name\":\"R" + i + "\",\"email\":\"rolling-" + i + "@example.com\"}",
                        identities.bearer(people.get(i)));
            }
            List<Long> flights = new ArrayList<>();
            int flightCount = MAX_SECONDS * CONNECTIONS * (1000 / PAUSE_MS) / SEATS_PER_FLIGHT + 1;
            for (int i = 0; i < flightCount; i++) {
                String departure = java.time.Instant.now().plus(Duration.ofDays(40 + i)).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString();
                flights.add(id(post(Service.SCHEDULE.port() + OFFSET, "/api/schedules", "{\"flightNumber\":\"RU" + (100 + i) + "\",\"origin\":\"ICN\","
                        + "\"destination\":\"CJU\",\"departureTime\":\"" + departure + "\",\"arrivalTime\":\""
                        + java.time.Instant.parse(departure).plus(Duration.ofHours(1)) + "\",\"seatCapacity\":" + SEATS_PER_FLIGHT + ",\"miles\":100,\"fare\":{\"amount\":125000,\"currency\":\"KRW\"}}", manager)));
            }
            // The load books as the customers themselves, each with a token made now (they live 5 minutes).
            String customers = people.stream().map(p -> "{\"" + p.subject() + "\",\"" + identities.freshToken(p.username(), p.password(), "msaair-cli") + "\"}")
                    .collect(Collectors.joining(",", "{", "}"));
            Map<String, String> values = Map.of("BENCH_CUSTOMERS", customers, "BENCH_FLIGHTS", list(flights), "BENCH_PAUSE_MS", Integer.toString(PAUSE_MS));
            Path work = base.root().resolve("target/rolling");
            log("Booking through nginx while each reservation server is restarted in turn");
            Wrk load = Wrk.start("rolling", "http://127.0.0.1:" + proxyPort, 2, CONNECTIONS, MAX_SECONDS, "book-idempotent.lua", values, work);
            Map<String, Double> restarts = new LinkedHashMap<>();
            pause(AROUND_MS);
            for (LibertyServer replica : replicas) {
                long started = System.nanoTime();
                log("Restarting " + replica.label() + " (graceful stop, start, wait until ready)");
                replica.restart(Duration.ofMinutes(5));
                restarts.put(replica.label(), (System.nanoTime() - started) / 1e9);
                log(replica.label() + " ready again after " + String.format("%.1f", restarts.get(replica.label())) + " s");
            }
            pause(AROUND_MS);
            if (!load.isRunning()) {
                throw new IllegalStateException("The load ended before the restarts did: nothing rehearsed");
            }
            Wrk.Result result = load.stop();
            long ok = result.count(200, 299);
            String report = String.format(java.util.Locale.ROOT,
                    "Rolling update under load: %d requests in %.0f s (%.0f/s), %d succeeded (%.2f %%), answers %s, socket errors %d, "
                            + "p99 %.0f ms, max %.0f ms; restarts: %s",
                    result.requests(), result.seconds(), result.perSecond(), ok, 100.0 * ok / Math.max(1, result.requests()),
                    result.statuses(), result.socketErrors(), result.p99() / 1000.0, result.max() / 1000.0,
                    restarts.entrySet().stream().map(e -> e.getKey() + " " + String.format("%.1f s", e.getValue())).collect(Collectors.joining(", ")));
            Files.createDirectories(work);
            Files.writeString(work.resolve("report.md"), report + "\n");
            log(report);
            status = ok == result.requests() && result.socketErrors() == 0 && result.requests() > 0 ? 0 : 1;
            log(status == 0 ? "PASSED: every request succeeded" : "FAILED: some requests did not succeed");
            if (result.statuses().containsKey("409")) {
                log("409 is the sold-out answer: the load outran the " + flightCount * SEATS_PER_FLIGHT + " seats on offer");
            }
        } finally {
            if (nginx != null) {
                nginx.stop();
            }
            replicas.forEach(LibertyServer::stop);
            stack.close();
            database.stop();
        }
        System.exit(status);
    }

    private static LibertyServer replica(LocalStack stack, DerbyNetworkServer database, String label, int port, Path output) {
        return stack.newServer(Service.RESERVATION, label, port, output)
                .env(database.clientEnvironment("reservation"))
                // Not the usual group: this rehearsal must not take schedule events from anyone else's reservation service.
                .env("CONSUMER_GROUP", "reservation-rolling");
    }

    private static Nginx startNginx(StackLayout layout, int port, List<LibertyServer> replicas) {
        String servers = replicas.stream().map(r -> "    server 127.0.0.1:" + r.port() + " max_fails=0;").collect(Collectors.joining("\n"));
        return Nginx.start(layout.data().resolve("nginx"), port, String.join("\n",
                "  upstream reservation {",
                servers,
                "    keepalive 16;",
                "  }",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    location / {",
                "      proxy_pass http://reservation;",
                "      proxy_http_version 1.1;",
                "      proxy_set_header Connection \"\";",
                "      proxy_connect_timeout 1s;",
                "      proxy_read_timeout 30s;",
                // A request that reached a stopping server is sent to the other one. POSTs too: every
                // booking carries an Idempotency-Key, so a second send answers with the first booking.
                "      proxy_next_upstream error timeout http_502 http_503 non_idempotent;",
                "      proxy_next_upstream_tries 4;",
                "    }",
                "  }"));
    }

    private static long id(String json) {
        return jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject().getJsonNumber("id").longValue();
    }

    private static String post(int port, String path, String body, String authorization) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String list(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static void log(String message) {
        Console.log("rolling", message);
    }
}
