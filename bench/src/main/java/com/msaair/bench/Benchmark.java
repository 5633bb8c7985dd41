package com.msaair.bench;

import static com.msaair.bench.Console.pause;

import com.msaair.localstack.Identities;
import com.msaair.localstack.LocalStack;
import com.msaair.localstack.Service;
import com.msaair.localstack.StackLayout;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The booking benchmark (see {@code bench/run.sh}): a stack of its own, seeded, warmed up and driven
 * with wrk; bookings at full speed plus a steady trickle of cancellations and reads; end-to-end lag
 * measured by a probe customer; memory and CPU read from /proc; every customer audited at the end.
 */
public final class Benchmark {

    private static final int PORT_OFFSET = 20000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final int concurrency;
    private final int duration;
    private final int warmup;
    private final int customers;
    private final int flights;
    private final LocalStack stack;
    private final Identities identities;
    /** Customer id → the person of the realm. */
    private final Map<String, Identities.Person> people = new java.util.concurrent.ConcurrentHashMap<>();
    private final Path work;
    private final String database;

    private Benchmark(Map<String, String> options, StackLayout layout) {
        this.concurrency = Integer.parseInt(options.getOrDefault("concurrency", "32"));
        this.duration = Integer.parseInt(options.getOrDefault("duration", "60"));
        this.warmup = Integer.parseInt(options.getOrDefault("warmup", "60"));
        this.customers = Integer.parseInt(options.getOrDefault("customers", "1000"));
        this.flights = Integer.parseInt(options.getOrDefault("flights", "200"));
        // The services alone, as measured before the web front end existed: nobody browses during a benchmark.
        this.stack = new LocalStack(layout, EnumSet.allOf(Service.class), PORT_OFFSET).withoutWeb();
        // --database postgresql: every service's data in the stack's PostgreSQL instead of embedded Derby.
        this.database = options.getOrDefault("database", "derby");
        if (database.equals("postgresql")) {
            stack.onPostgres();
        } else if (!database.equals("derby")) {
            throw new IllegalArgumentException("--database derby|postgresql, not " + database);
        }
        // The full JIT, as in production: the local stack's C1-only default would measure start-up speed instead.
        // BENCH_JVM_ARGS adds options to every server, e.g. a Java Flight Recording to profile a run.
        String jvmArgs = System.getenv().getOrDefault("BENCH_JVM_ARGS", "");
        stack.services().forEach(s -> stack.server(s).env("JVM_ARGS", jvmArgs));
        this.work = layout.root().resolve("target/bench");
        this.identities = new Identities(stack.keycloak());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        StackLayout layout = StackLayout.fromEnvironment();
        layout = layout.withData(layout.root().resolve("target/bench-data"));
        layout.deleteData();
        Benchmark benchmark = new Benchmark(options, layout);
        try {
            benchmark.run(String.join(" ", args));
        } finally {
            benchmark.stack.close();
        }
        System.exit(0);
    }

    private void run(String arguments) throws Exception {
        log("Starting the stack (Kafka, six Liberty servers, full JIT) on ports " + (9081 + PORT_OFFSET) + "-" + (9085 + PORT_OFFSET));
        long started = System.nanoTime();
        stack.start(Duration.ofMinutes(5));
        long startSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        log("Ready in " + startSeconds + " s; seeding " + customers + " customers (people of the realm who each become a customer) and "
                + flights + " flights");
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= customers; i++) {
            names.add("bench-" + i);
        }
        List<Identities.Person> created = new ArrayList<>();
        for (int from = 0; from < names.size(); from += 250) {
            created.addAll(identities.newUsers(names.subList(from, Math.min(names.size(), from + 250)), "customer"));
        }
        created.forEach(p -> people.put(p.subject(), p));
        List<String> customerIds = parallel(customers, i -> post(Service.MILEAGE, "/api/customers",
                "{\"name\":\"Bench " + i + "\",\"email\":\"bench-" + i + "@bench.example\"}", created.get(i).subject()).getString("id"));
        List<Long> flightIds = parallel(flights, i -> createFlight(i, 900, 100 + (i % 10) * 100));
        String probeCustomer = post(Service.MILEAGE, "/api/customers", "{\"name\":\"Lag probe\",\"email\":\"probe@bench.example\"}",
                created.get(customers).subject()).getString("id");
        long probeFlight = createFlight(8999, 900, 100);

        // Tokens live 5 minutes: the scripts get fresh ones before the warm-up and again before the measurement.
        Map<String, String> values = Map.of("BENCH_CUSTOMERS", withTokens(customerIds), "BENCH_FLIGHTS", luaList(flightIds));

        log("Warming up for " + warmup + " s (the JIT compiles the hot paths)");
        Wrk.Result warm = Wrk.start("warmup", url(Service.RESERVATION), 2, concurrency, warmup, "book.lua", values, work).await();
        long warmupBookings = warm.count(201, 201);
        awaitQuiet(probeCustomer, probeFlight);

        log("Bare Liberty ceiling: /health/live, " + concurrency + " connections, 15 s");
        Wrk.Result ceiling = Wrk.start("health", url(Service.RESERVATION) + "/health/live", 2, concurrency, 15, "read.lua",
                Map.of("BENCH_PATH", "/health/live", "BENCH_DELAY_MS", "0", "BENCH_CUSTOMERS", "{{\"1\",\"\"}}"), work).await();
        values = Map.of("BENCH_CUSTOMERS", withTokens(customerIds), "BENCH_FLIGHTS", luaList(flightIds));

        log("Measuring for " + duration + " s: bookings at " + concurrency + " connections, cancellations and reads alongside");
        ProcessSampler sampler = new ProcessSampler(pids());
        Timeline timeline = new Timeline(url(Service.RESERVATION)).start();
        LagProbe lag = new LagProbe(probeCustomer, probeFlight);
        Future<?> probing = lag.start();
        Map<String, String> cancels = Map.of("BENCH_CANCEL_IDS", luaList(confirmedReservations(customerIds, 20 * duration + 100)),
                "BENCH_DELAY_MS", "50", "BENCH_AUTHORIZATION", manager());
        Map<String, String> reads = new LinkedHashMap<>(values);
        reads.put("BENCH_DELAY_MS", "40");
        List<Wrk> running = new ArrayList<>();
        running.add(Wrk.start("book", url(Service.RESERVATION), 2, concurrency, duration, "book.lua", values, work));
        running.add(Wrk.start("cancel", url(Service.RESERVATION), 1, 1, duration, "cancel.lua", cancels, work));
        running.add(Wrk.start("read-reservations", url(Service.RESERVATION), 1, 1, duration, "read.lua",
                with(reads, "BENCH_PATH", "/api/reservations?customerId={c}"), work));
        running.add(Wrk.start("read-mileage", url(Service.MILEAGE), 1, 1, duration, "read.lua",
                with(reads, "BENCH_PATH", "/api/customers/{c}/mileage"), work));
        running.add(Wrk.start("read-history", url(Service.HISTORY), 1, 1, duration, "read.lua",
                with(reads, "BENCH_PATH", "/api/history?customerId={c}"), work));
        List<Wrk.Result> results = new ArrayList<>();
        for (Wrk wrk : running) {
            results.add(wrk.await());
        }
        Map<String, ProcessSampler.Usage> usage = sampler.usage();
        sampler.close();
        timeline.close();
        lag.stop();
        probing.get();

        log("Waiting for the consumers to catch up, then auditing every customer");
        long drainStarted = System.nanoTime();
        awaitQuiet(probeCustomer, probeFlight);
        double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;
        Audit audit = audit(customerIds);
        log(audit.toString());

        JsonObject result = report(arguments, startSeconds, warmupBookings, ceiling, results, lag.lags(), usage, drainSeconds, audit);
        Files.createDirectories(work);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path json = work.resolve("result-" + stamp + ".json");
        Files.writeString(json, result.toString());
        String picture = "benchmarks/" + stamp + ".png";
        timeline.draw(stack.layout().root().resolve("docs").resolve(picture), "./bench/run.sh " + arguments + " (tracing: " + tracing() + ")");
        String markdown = markdown(arguments, result) + "\n![The run over time: bookings/s, booking p50/p99, consumer lag](" + picture + ")\n";
        Path doc = stack.layout().root().resolve("docs/benchmarks.md");
        Files.writeString(doc, markdown, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println();
        System.out.println(markdown);
        log("Written " + json + " and appended to " + doc);
    }

    /** Confirmed reservations (from the warm-up) for the cancellations to cancel, each once. */
    private List<Long> confirmedReservations(List<String> customerIds, int wanted) {
        List<Long> ids = new ArrayList<>();
        for (String customer : customerIds) {
            get(Service.RESERVATION, "/api/reservations?size=100&customerId=" + customer, manager()).getJsonArray("items").getValuesAs(JsonObject.class)
                    .stream().filter(r -> r.getString("status").equals("CONFIRMED")).forEach(r -> ids.add(r.getJsonNumber("id").longValue()));
            if (ids.size() >= wanted) {
                return ids.subList(0, wanted);
            }
        }
        throw new IllegalStateException("The warm-up made only " + ids.size() + " bookings; " + wanted + " are needed to cancel");
    }

    private long createFlight(int n, int seats, int miles) {
        Instant departure = Instant.now().plus(Duration.ofDays(30 + n % 300)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        return post(Service.SCHEDULE, "/api/schedules", "{\"flightNumber\":\"BM" + (1000 + n) + "\",\"origin\":\"ICN\",\"destination\":\"CJU\","
                + "\"departureTime\":\"" + departure + "\",\"arrivalTime\":\"" + departure.plus(Duration.ofMinutes(70)) + "\","
                + "\"seatCapacity\":" + seats + ",\"miles\":" + miles + ",\"fare\":{\"amount\":125000,\"currency\":\"KRW\"}}", manager()).getJsonNumber("id").longValue();
    }

    /**
     * Measures end-to-end lag: from a booking's 201 until its miles are credited and its history entry
     * is visible, one probe booking at a time, all through the measurement.
     */
    private final class LagProbe {
        private final String customer;
        private final long flight;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Double> lags = Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService thread = Executors.newSingleThreadExecutor();

        LagProbe(String customer, long flight) {
            this.customer = customer;
            this.flight = flight;
        }

        Future<?> start() {
            return thread.submit(() -> {
                while (running.get()) {
                    lags.add(measureOnce(customer, flight));
                    pause(250);
                }
            });
        }

        void stop() {
            running.set(false);
            thread.shutdown();
        }

        List<Double> lags() {
            return List.copyOf(lags);
        }
    }

    /** One probe booking; returns seconds until both its ledger entry and its history entry are visible. */
    private double measureOnce(String customer, long flight) {
        long reservation = post(Service.RESERVATION, "/api/reservations",
                "{\"scheduleId\":" + flight + ",\"passengers\":1,\"paymentMethod\":\"pm_card_visa\"}", customer).getJsonNumber("id").longValue();
        long booked = System.nanoTime();
        boolean miles = false;
        boolean history = false;
        while (!(miles && history)) {
            if (System.nanoTime() - booked > Duration.ofMinutes(2).toNanos()) {
                throw new IllegalStateException("Reservation " + reservation + " not reflected within 2 minutes");
            }
            miles = miles || get(Service.MILEAGE, "/api/customers/" + customer + "/mileage?size=5", customer).getJsonObject("ledger")
                    .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .anyMatch(e -> e.getJsonNumber("reservationId").longValue() == reservation);
            history = history || get(Service.HISTORY, "/api/history?size=5", customer).getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream()
                    .anyMatch(e -> e.containsKey("reservationId") && e.getJsonNumber("reservationId").longValue() == reservation
                            && e.getString("kind").equals("BOOKED"));
            if (!(miles && history)) {
                pause(25); // the lag is measured to 25 ms; polling faster would load the very services it measures
            }
        }
        return (System.nanoTime() - booked) / 1e9;
    }

    /** Waits until a probe booking is reflected within a second: the consumers have caught up. */
    private void awaitQuiet(String probeCustomer, long probeFlight) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (measureOnce(probeCustomer, probeFlight) > 1.0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The consumers did not catch up within 10 minutes");
            }
        }
    }

    /** The audit: every customer's balance equals the miles of their standing bookings, with one history entry and notification per event. */
    record Audit(int customers, long reservations, long cancelled, List<String> problems) {
        @Override
        public String toString() {
            return "Audit of " + customers + " customers, " + reservations + " reservations (" + cancelled + " cancelled): "
                    + (problems.isEmpty() ? "all consistent" : problems.size() + " problems, first: " + problems.subList(0, Math.min(5, problems.size())));
        }
    }

    private Audit audit(List<String> customerIds) throws Exception {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        // Mileage, history and notifications are eventually consistent, and the probe only shows that
        // its own partition has caught up: a customer's views get a while to converge before a
        // difference counts as a problem.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<long[]> counts = parallel(customerIds.size(), i -> {
            String customer = customerIds.get(i);
            long standing = 0;
            long bookings = 0;
            long cancelled = 0;
            for (JsonObject r : all(Service.RESERVATION, "/api/reservations?customerId=" + customer, customer)) {
                bookings++;
                if (r.getString("status").equals("CANCELLED")) {
                    cancelled++;
                } else {
                    standing += r.getInt("miles");
                }
            }
            List<String> differences = viewDifferences(customer, standing, 2 * bookings + 3 * cancelled);
            while (!differences.isEmpty() && System.nanoTime() < deadline) {
                pause(500);
                differences = viewDifferences(customer, standing, 2 * bookings + 3 * cancelled);
            }
            problems.addAll(differences);
            return new long[] {bookings, cancelled};
        });
        return new Audit(customers, counts.stream().mapToLong(c -> c[0]).sum(), counts.stream().mapToLong(c -> c[1]).sum(), problems);
    }

    /** How a customer's balance, history and notifications differ from what their reservations imply. */
    private List<String> viewDifferences(String customer, long standingMiles, long events) {
        List<String> differences = new ArrayList<>();
        long balance = get(Service.MILEAGE, "/api/customers/" + customer + "/mileage?size=1", customer).getJsonNumber("balance").longValue();
        long history = get(Service.HISTORY, "/api/history?size=1", customer).getJsonNumber("totalItems").longValue();
        long notifications = get(Service.NOTIFICATION, "/api/notifications?size=1", customer).getJsonNumber("totalItems").longValue();
        if (balance != standingMiles) {
            differences.add("customer " + customer + ": balance " + balance + ", standing bookings' miles " + standingMiles);
        }
        if (history != 1 + events) {
            differences.add("customer " + customer + ": " + history + " history entries for " + events + " events (+1 registration)");
        }
        if (notifications != events) {
            differences.add("customer " + customer + ": " + notifications + " notifications for " + events + " events");
        }
        return differences;
    }

    private JsonObject report(String arguments, long startSeconds, long warmupBookings, Wrk.Result ceiling, List<Wrk.Result> results,
            List<Double> lags, Map<String, ProcessSampler.Usage> usage, double drainSeconds, Audit audit) {
        Wrk.Result book = results.get(0);
        double bookingsPerSecond = book.count(201, 201) / book.seconds();
        JsonObjectBuilder requests = Json.createObjectBuilder();
        for (Wrk.Result r : results) {
            JsonObjectBuilder statuses = Json.createObjectBuilder();
            r.statuses().forEach(statuses::add);
            requests.add(r.name(), Json.createObjectBuilder().add("requests", r.requests()).add("perSecond", round(r.perSecond()))
                    .add("p50Ms", r.p50() / 1000.0).add("p95Ms", r.p95() / 1000.0).add("p99Ms", r.p99() / 1000.0).add("maxMs", r.max() / 1000.0)
                    .add("socketErrors", r.socketErrors()).add("statuses", statuses));
        }
        List<Double> sorted = new ArrayList<>(lags);
        Collections.sort(sorted);
        JsonObjectBuilder processes = Json.createObjectBuilder();
        long totalRss = 0;
        double totalCpu = 0;
        for (Map.Entry<String, ProcessSampler.Usage> u : usage.entrySet()) {
            processes.add(u.getKey(), Json.createObjectBuilder().add("maxRssMb", u.getValue().maxRssMb())
                    .add("cpuSeconds", round(u.getValue().cpuSeconds())));
            totalRss += u.getValue().maxRssMb();
            totalCpu += u.getValue().cpuSeconds();
        }
        return Json.createObjectBuilder()
                .add("date", Instant.now().toString())
                .add("command", "./bench/run.sh " + arguments)
                .add("machine", machine())
                .add("tracing", tracing())
                .add("database", database.equals("postgresql") ? "PostgreSQL (every service's database in the stack's cluster)" : "embedded Derby (in each server)")
                .add("concurrency", concurrency).add("durationSeconds", duration).add("warmupSeconds", warmup)
                .add("stackStartSeconds", startSeconds)
                .add("warmupBookings", warmupBookings)
                .add("bookingsPerSecond", round(bookingsPerSecond))
                .add("healthLiveCeilingPerSecond", round(ceiling.perSecond()))
                .add("bookingsToCeilingRatio", round(bookingsPerSecond / ceiling.perSecond() * 100) / 100)
                .add("requests", requests)
                .add("lag", Json.createObjectBuilder().add("samples", sorted.size()).add("p50Seconds", round(percentile(sorted, 50)))
                        .add("p99Seconds", round(percentile(sorted, 99))).add("maxSeconds", round(percentile(sorted, 100))))
                .add("drainSecondsAfterLoad", round(drainSeconds))
                .add("processes", processes)
                .add("totalMaxRssMb", totalRss).add("totalCpuSeconds", round(totalCpu))
                .add("audit", Json.createObjectBuilder().add("customers", audit.customers()).add("reservations", audit.reservations())
                        .add("cancelled", audit.cancelled()).add("problems", audit.problems().size()))
                .build();
    }

    private static String markdown(String arguments, JsonObject r) {
        StringBuilder md = new StringBuilder();
        md.append("\n## ").append(r.getString("date"), 0, 16).append(" UTC — `./bench/run.sh ").append(arguments).append("`\n\n");
        md.append("Machine: ").append(r.getString("machine")).append(". Everything on one host: Kafka, six Liberty servers, Keycloak, Zipkin, wrk, the probe. ")
                .append("Tracing: ").append(r.getString("tracing")).append(". Database: ").append(r.getString("database")).append(".\n\n");
        md.append(String.format(Locale.ROOT, "**%.0f bookings/s** sustained for %d s at %d connections; bare Liberty `/health/live` ceiling %.0f req/s "
                        + "(ratio %.2f). End-to-end lag (201 → miles and history visible): p50 %.2f s, p99 %.2f s (%d samples). "
                        + "Stack ready in %d s. Audit: %d customers, %d reservations (%d cancelled), %d problems.\n\n",
                r.getJsonNumber("bookingsPerSecond").doubleValue(), r.getInt("durationSeconds"), r.getInt("concurrency"),
                r.getJsonNumber("healthLiveCeilingPerSecond").doubleValue(), r.getJsonNumber("bookingsToCeilingRatio").doubleValue(),
                r.getJsonObject("lag").getJsonNumber("p50Seconds").doubleValue(), r.getJsonObject("lag").getJsonNumber("p99Seconds").doubleValue(),
                r.getJsonObject("lag").getInt("samples"), r.getInt("stackStartSeconds"),
                r.getJsonObject("audit").getInt("customers"), r.getJsonObject("audit").getJsonNumber("reservations").longValue(),
                r.getJsonObject("audit").getJsonNumber("cancelled").longValue(), r.getJsonObject("audit").getInt("problems")));
        md.append("| request | count | per s | p50 ms | p95 ms | p99 ms | max ms | answers |\n|---|---|---|---|---|---|---|---|\n");
        r.getJsonObject("requests").forEach((name, value) -> {
            JsonObject q = value.asJsonObject();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %s%s |%n", name, q.getJsonNumber("requests").longValue(),
                    q.getJsonNumber("perSecond").doubleValue(), q.getJsonNumber("p50Ms").doubleValue(), q.getJsonNumber("p95Ms").doubleValue(),
                    q.getJsonNumber("p99Ms").doubleValue(), q.getJsonNumber("maxMs").doubleValue(), q.getJsonObject("statuses").toString().replace("\"", ""),
                    q.getJsonNumber("socketErrors").longValue() > 0 ? ", socket errors " + q.getJsonNumber("socketErrors") : ""));
        });
        md.append("\n| process | max RSS MB | CPU s |\n|---|---|---|\n");
        r.getJsonObject("processes").forEach((name, value) -> md.append(String.format(Locale.ROOT, "| %s | %d | %.1f |%n", name,
                value.asJsonObject().getJsonNumber("maxRssMb").longValue(), value.asJsonObject().getJsonNumber("cpuSeconds").doubleValue())));
        md.append(String.format(Locale.ROOT, "| **all** | **%d** | **%.1f** |%n", r.getJsonNumber("totalMaxRssMb").longValue(),
                r.getJsonNumber("totalCpuSeconds").doubleValue()));
        return md.toString();
    }

    private Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("kafka", stack.kafka().pid());
        // Keycloak serves nothing while the load runs (the tokens are made before it); its CPU shows whether it idles.
        pids.put("keycloak", stack.keycloak().pid());
        pids.put("zipkin", stack.zipkin().pid());
        stack.services().forEach(s -> pids.put(s.serverName(), stack.server(s).pid()));
        stack.postgres().ifPresent(postgres -> pids.put("postgresql" + ProcessSampler.TREE, postgres.pid()));
        return pids;
    }

    /** The trace sampling the servers ran with (MSAAIR_TRACE_SAMPLING: off, or a ratio; 1.0 by default). */
    private static String tracing() {
        String sampling = System.getenv().getOrDefault("MSAAIR_TRACE_SAMPLING", "1.0");
        return sampling.equals("off") ? "off" : "on, sampling ratio " + sampling + ", exported to Zipkin";
    }

    private static String machine() {
        long memoryKb = 0;
        try {
            memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
        } catch (IOException e) {
            // unknown
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + Math.round(memoryKb / 1024.0 / 1024.0) + " GiB, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }

    private String url(Service service) {
        return "http://localhost:" + (service.port() + PORT_OFFSET);
    }

    private List<JsonObject> all(Service service, String path, String who) {
        List<JsonObject> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonObject list = get(service, path + "&size=100&page=" + page, who);
            items.addAll(list.getJsonArray("items").getValuesAs(JsonObject.class));
            if (page + 1 >= Math.max(1, list.getInt("totalPages"))) {
                return items;
            }
        }
    }

    /** @param who a customer id (that customer's token), or a "Bearer …" value as it is */
    private JsonObject get(Service service, String path, String who) {
        return send(HttpRequest.newBuilder(URI.create(url(service) + path)).GET().header("Authorization", authorization(who)), 200);
    }

    private JsonObject post(Service service, String path, String body, String who) {
        return send(HttpRequest.newBuilder(URI.create(url(service) + path)).header("Content-Type", "application/json")
                .header("Authorization", authorization(who)).POST(HttpRequest.BodyPublishers.ofString(body)), 201);
    }

    private String authorization(String who) {
        return who.startsWith("Bearer ") ? who : identities.bearer(people.get(who));
    }

    private String manager() {
        return identities.bearer("sora", "dev-only-sora");
    }

    /** The customers as a Lua table of {id, token}, each with a token made now. */
    private String withTokens(List<String> customerIds) throws Exception {
        List<String> entries = parallel(customerIds.size(), i -> {
            Identities.Person person = people.get(customerIds.get(i));
            return "{\"" + person.subject() + "\",\"" + identities.freshToken(person.username(), person.password(), "msaair-cli") + "\"}";
        });
        return entries.stream().collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private static JsonObject send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " " + response.body());
            }
            return Json.createReader(new StringReader(response.body())).readObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Task<T> {
        T run(int index) throws Exception;
    }

    private static <T> List<T> parallel(int count, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static String luaList(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private static Map<String, String> with(Map<String, String> values, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return copy;
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void log(String message) {
        Console.log("bench", message);
    }
}
