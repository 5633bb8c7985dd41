package com.msaair.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The local stack's command line: {@code up [--observe] [--postgresql] [--kafka-brokers 3] [--without a,b]}
 * ({@code --observe} adds Prometheus; Zipkin always runs; {@code --postgresql} keeps the services' data in a
 * PostgreSQL cluster of the stack's own instead of embedded Derby; {@code --kafka-brokers 3} runs Kafka as a
 * cluster of three, as in production, instead of one broker), {@code down}, {@code status},
 * {@code reset}. {@code up} runs in the foreground until Ctrl-C (or {@code down} from elsewhere),
 * then stops everything it started.
 */
public final class Stack {

    private static final PrintStream OUT = System.out;

    private Stack() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "up" : args[0];
        List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        StackLayout layout = StackLayout.fromEnvironment();
        try {
            int status = switch (command) {
                case "up" -> up(layout, options);
                case "down" -> down(layout);
                case "status" -> status(layout);
                case "reset" -> reset(layout);
                case "grpc" -> GrpcCommand.run(options);
                default -> usage();
            };
            System.exit(status);
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("MSA Air stack: " + e.getMessage());
            System.exit(1);
        }
    }

    private static int up(StackLayout layout, List<String> options) {
        Optional<Long> running = runningLauncher(layout);
        if (running.isPresent()) {
            System.err.println("The stack is already running (launcher pid " + running.get() + "). Stop it with: ./msaair down");
            return 1;
        }
        Set<Service> services = EnumSet.allOf(Service.class);
        boolean observe = false;
        boolean postgresql = false;
        int kafkaBrokers = 1;
        boolean web = true;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).equals("--observe")) {
                observe = true;
            } else if (options.get(i).equals("--postgresql")) {
                postgresql = true;
            } else if (options.get(i).equals("--kafka-brokers") && i + 1 < options.size() && options.get(i + 1).matches("[13]")) {
                kafkaBrokers = Integer.parseInt(options.get(++i));
            } else if (options.get(i).equals("--without") && i + 1 < options.size()) {
                for (String name : options.get(++i).split(",")) {
                    if (name.strip().equals(WebFrontEnd.SERVER)) {
                        web = false;
                    } else {
                        services.remove(Service.named(name.strip()));
                    }
                }
            } else {
                return usage();
            }
        }
        long started = System.nanoTime();
        LocalStack stack = new LocalStack(layout, services, 0, kafkaBrokers);
        if (!web) {
            stack.withoutWeb();
        }
        if (postgresql) {
            stack.onPostgres();
        }
        OUT.println("Starting Kafka (" + kafkaBrokers + (kafkaBrokers == 1 ? " broker" : " brokers") + ") and " + services.size()
                + " Liberty servers; data in " + layout.data());
        stack.start(LocalStack.startTimeout());
        PrometheusServer prometheus = null;
        if (observe) {
            try {
                prometheus = new PrometheusServer(layout, stack.allServers(), PrometheusServer.PORT);
                prometheus.start(Duration.ofSeconds(60));
            } catch (RuntimeException e) {
                stack.close();
                throw e;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        writePids(layout, stack, prometheus);
        PrometheusServer observing = prometheus;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println();
            OUT.println("Stopping MSA Air...");
            if (observing != null) {
                observing.stop();
            }
            stack.close();
            deleteQuietly(layout.pidFile());
            OUT.println("Stopped.");
        }, "msaair-stop"));
        printSummary(layout, stack, took);
        if (observing != null) {
            OUT.printf("  %-13s %s%n%n", "prometheus", observing.url() + "   (metrics of every server, the alerting rules: /alerts)");
        }
        stack.watchLiveness(Duration.ofSeconds(10), 3, message -> OUT.println("[liveness] " + message));
        watch(stack);
        return 0;
    }

    private static void printSummary(StackLayout layout, LocalStack stack, Duration took) {
        OUT.println();
        OUT.printf("All services are ready (%.1f s).%n%n", took.toMillis() / 1000.0);
        OUT.printf("  %-13s %-27s %s%n", "service", "API", "OpenAPI UI");
        for (Service service : stack.services()) {
            String base = "http://localhost:" + service.port();
            OUT.printf("  %-13s %-27s %s%n", service.serverName(), base + "/api", base + "/openapi/ui");
        }
        OUT.printf("  %-13s %s%n", "gateway", stack.gatewayUri() + "/api   (every service's API, rate limited)");
        OUT.printf("  %-13s %s%n", "gateway gRPC", "localhost:" + stack.grpcGatewayPort() + "   (the booking API over gRPC, HTTP/2 without TLS: docs/grpc.md)");
        stack.web().ifPresent(web -> OUT.printf("  %-13s %s%n", "web", stack.gatewayUri() + "/   (the front end, through the gateway; its server: "
                + web.uri() + ")"));
        OUT.printf("  %-13s %s%n", "keycloak", stack.keycloak().url() + "   (realm " + KeycloakServer.REALM + "; admin console user "
                + KeycloakServer.ADMIN + ", password in " + layout.data().resolve("keycloak/admin-password") + ")");
        OUT.printf("  %-13s %s%n", "kafka", stack.kafka().bootstrapServers());
        OUT.printf("  %-13s %s%n", "zipkin", stack.zipkin().url() + "/zipkin/   (traces: a booking end to end)");
        stack.postgres().ifPresent(postgres -> OUT.printf("  %-13s %s%n", "postgresql",
                "127.0.0.1:" + postgres.port() + "   (a database per service; user " + PostgresServer.USER + ", password " + PostgresServer.PASSWORD + ")"));
        OUT.println();
        OUT.println("Demo users (dev-only passwords): minji / dev-only-minji and jun / dev-only-jun (customers),");
        OUT.println("  sora / dev-only-sora (manager), ops / dev-only-ops (operator). A token: ./msaair token minji");
        OUT.println();
        OUT.println("Data: " + layout.data() + "   Logs: " + layout.serversOutput() + "/<service>/logs/messages.log");
        OUT.println("Stop with Ctrl-C, or ./msaair down from another terminal.");
    }

    /** Stays in the foreground; says so when a process of the stack ends by itself. */
    private static void watch(LocalStack stack) {
        Set<String> reported = new HashSet<>();
        while (true) {
            StackProcess.sleep(2000);
            for (StackProcess process : stack.processes()) {
                if (!process.isRunning() && reported.add(process.label())) {
                    OUT.println(process.label() + " has stopped; see " + process.log());
                }
            }
        }
    }

    private static int down(StackLayout layout) {
        Map<String, Long> pids = readPids(layout);
        if (pids.isEmpty()) {
            OUT.println("Nothing is running.");
            return 0;
        }
        Long launcher = pids.remove("launcher");
        if (launcher != null) {
            ProcessHandle.of(launcher).ifPresent(p -> {
                OUT.println("Stopping the stack (launcher pid " + launcher + ")...");
                p.destroy();
                p.onExit().orTimeout(120, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
            });
        }
        // Whatever the launcher could not stop (it was killed, say) is stopped here.
        pids.forEach((name, pid) -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> {
            OUT.println("Stopping " + name + " (pid " + pid + ")");
            p.destroy();
            if (p.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join() == null) {
                p.destroyForcibly();
            }
        }));
        deleteQuietly(layout.pidFile());
        OUT.println("Stopped.");
        return 0;
    }

    private static int status(StackLayout layout) {
        Map<String, Long> pids = readPids(layout);
        if (pids.isEmpty()) {
            OUT.println("Not running.");
            return 3;
        }
        boolean allUp = true;
        for (Map.Entry<String, Long> entry : pids.entrySet()) {
            boolean alive = ProcessHandle.of(entry.getValue()).map(ProcessHandle::isAlive).orElse(false);
            String state = alive ? "running" : "stopped";
            if (alive && Service.isService(entry.getKey())) {
                Service service = Service.named(entry.getKey());
                state = LibertyServer.of(layout, service).isReady() ? "ready   http://localhost:" + service.port() : "not ready";
            }
            allUp &= alive;
            OUT.printf("  %-13s pid %-8d %s%n", entry.getKey(), entry.getValue(), state);
        }
        return allUp ? 0 : 1;
    }

    private static int reset(StackLayout layout) {
        if (runningLauncher(layout).isPresent()) {
            System.err.println("The stack is running; stop it first with ./msaair down");
            return 1;
        }
        layout.deleteData();
        OUT.println("Removed " + layout.data() + " (Kafka's log, every service's database and logs).");
        return 0;
    }

    private static int usage() {
        System.err.println("usage: msaair up [--observe] [--postgresql] [--kafka-brokers 1|3] [--without service,...] (service: one of the six, or web) | down | status | reset"
                + " | grpc (the booking API over gRPC: ./msaair grpc help)");
        return 2;
    }

    private static Optional<Long> runningLauncher(StackLayout layout) {
        return Optional.ofNullable(readPids(layout).get("launcher"))
                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    private static void writePids(StackLayout layout, LocalStack stack, PrometheusServer prometheus) {
        List<String> lines = new ArrayList<>();
        lines.add("launcher " + ProcessHandle.current().pid());
        stack.kafka().brokers().forEach(broker -> lines.add((stack.kafka().size() == 1 ? "kafka" : "kafka-" + broker.nodeId()) + " " + broker.pid()));
        lines.add("keycloak " + stack.keycloak().pid());
        lines.add("zipkin " + stack.zipkin().pid());
        if (prometheus != null) {
            lines.add("prometheus " + prometheus.pid());
        }
        lines.add("gateway " + stack.gatewayPid());
        stack.postgres().ifPresent(postgres -> lines.add("postgresql " + postgres.pid()));
        stack.services().forEach(s -> lines.add(s.serverName() + " " + stack.server(s).pid()));
        stack.web().ifPresent(web -> lines.add(WebFrontEnd.SERVER + " " + web.pid()));
        try {
            Files.createDirectories(layout.data());
            Files.write(layout.pidFile(), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + layout.pidFile() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> readPids(StackLayout layout) {
        Map<String, Long> pids = new LinkedHashMap<>();
        try {
            if (Files.exists(layout.pidFile())) {
                for (String line : Files.readAllLines(layout.pidFile(), StandardCharsets.UTF_8)) {
                    String[] parts = line.strip().split("\\s+");
                    if (parts.length == 2) {
                        pids.put(parts[0], Long.parseLong(parts[1]));
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            System.err.println("Ignoring unreadable " + layout.pidFile() + ": " + e.getMessage());
        }
        return pids;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing to do
        }
    }
}
