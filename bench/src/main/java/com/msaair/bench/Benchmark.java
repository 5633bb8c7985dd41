package com.msaair.bench;

import static com.msaair.bench.Console.pause;

import com.msaair.localstack.Identities;
import com.msaair.localstack.LocalStack;
import com.msaair.localstack.Service;
import com.msaair.localstack.StackLayout;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
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
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The booking benchmark (see {@code bench/run.sh}): a stack of its own, seeded, warmed up, then one of
 * three modes. {@code standard}: bookings at full speed with wrk (closed loop) plus a steady trickle of
 * cancellations and reads, end-to-end lag measured by a probe customer, memory and CPU read from /proc.
 * {@code cost} ({@link CostMode}): the stack's idle CPU, the side load's cost alone, and the marginal
 * CPU of a booking from two open-loop rates. {@code surge} ({@link SurgeMode}): twice the sustained
 * rate, open loop, for 60 s, and what the stack sheds, serves and keeps. Every mode measures the bare
 * {@code /health/live} ceiling of the same run and audits every customer at the end.
 */
public final class Benchmark {

    static final int PORT_OFFSET = 20000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** What a run measures. */
    enum Mode { STANDARD, COST, SURGE }

    private static final Set<String> COMMON_OPTIONS = Set.of("mode", "concurrency", "duration", "warmup", "customers", "flights", "database", "seats");
    private static final Map<Mode, Set<String>> MODE_OPTIONS = Map.of(
            Mode.STANDARD, Set.of("profile", "protocol"),
            Mode.COST, Set.of("rates", "idle-seconds", "settle-seconds", "sustained-seconds"),
            Mode.SURGE, Set.of("rate", "sustained-seconds"));
    static final String USAGE = "./bench/run.sh [--mode standard|cost|surge] [--concurrency 16] [--duration 60] [--warmup 60] [--customers 1000]"
            + " [--flights 200] [--database derby|postgresql] [--seats assigned|chosen]; standard: [--profile true] [--protocol rest|grpc]; cost: [--rates LOW,HIGH] [--idle-seconds 30]"
            + " [--settle-seconds 15] [--sustained-seconds 30]; surge: [--rate BOOKINGS_PER_S] [--sustained-seconds 30]";

    final Mode mode;
    final Options options;
    final int concurrency;
    final int duration;
    final int warmup;
    final int customers;
    final int flights;
    final LocalStack stack;
    final Identities identities;
    /** Customer id → the person of the realm. */
    private final Map<String, Identities.Person> people = new java.util.concurrent.ConcurrentHashMap<>();
    final Path work;
    final String database;
    /** With --seats chosen: bookings name their seats. */
    final boolean seatChoice;
    /** With --profile true: a Java Flight Recording of every server over the measured window. */
    private final boolean profile;
    /** With --protocol grpc (standard mode): the warm-up's and the window's bookings over gRPC (GrpcLoad), the rest as ever. */
    private final boolean grpc;
    final CostMode costMode;
    final SurgeMode surgeMode;

    // What the common part of a run set up, for the modes.
    long startSeconds;
    long warmupBookings;
    List<String> customerIds;
    List<Long> flightIds;
    String probeCustomer;
    long probeFlight;

    Benchmark(Options options, StackLayout layout) {
        this.options = options;
        String named = options.string("mode", "standard");
        this.mode = java.util.Arrays.stream(Mode.values()).filter(m -> m.name().equalsIgnoreCase(named)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--mode standard|cost|surge, not " + named));
        Set<String> allowed = new java.util.HashSet<>(COMMON_OPTIONS);
        allowed.addAll(MODE_OPTIONS.get(mode));
        options.allowOnly(allowed, "--mode " + mode.name().toLowerCase(Locale.ROOT));
        this.concurrency = options.positive("concurrency", 16);
        this.duration = options.positive("duration", 60);
        this.warmup = options.positive("warmup", 60);
        this.customers = options.positive("customers", 1000);
        this.flights = options.positive("flights", 200);
        // --seats chosen: each booking of the closed loop names its seats (a 409 when one is held or taken);
        // assigned (the default): the service finds seats next to each other.
        String seats = options.string("seats", "assigned");
        if (!seats.equals("chosen") && !seats.equals("assigned")) {
            throw new IllegalArgumentException("--seats assigned|chosen, not " + seats);
        }
        this.seatChoice = seats.equals("chosen");
        // The services alone, as measured before the web front end existed: nobody browses during a benchmark.
        this.stack = new LocalStack(layout, EnumSet.allOf(Service.class), PORT_OFFSET).withoutWeb();
        // --database postgresql: every service's data in the stack's PostgreSQL instead of embedded Derby.
        this.database = options.string("database", "derby");
        if (database.equals("postgresql")) {
            stack.onPostgres();
        } else if (!database.equals("derby")) {
            throw new IllegalArgumentException("--database derby|postgresql, not " + database);
        }
        // The servers' JVM options as configured (jvm.options: C1 only on HotSpot); BENCH_JVM_ARGS adds options to every
        // server, e.g. -XX:TieredStopAtLevel=4 for the full JIT, or -Dmsaair.admission.booking.concurrency=6 to tune admission control.
        String jvmArgs = System.getenv().getOrDefault("BENCH_JVM_ARGS", "");
        stack.services().forEach(s -> stack.server(s).env("JVM_ARGS", jvmArgs));
        this.work = layout.root().resolve("target/bench");
        this.identities = new Identities(stack.keycloak());
        this.profile = Boolean.parseBoolean(options.string("profile", "false"));
        String protocol = options.string("protocol", "rest");
        if (!protocol.equals("rest") && !protocol.equals("grpc")) {
            throw new IllegalArgumentException("--protocol rest|grpc, not " + protocol);
        }
        this.grpc = protocol.equals("grpc");
        // Made now, so that a mode's bad options stop the run before the stack starts.
        this.costMode = mode == Mode.COST ? new CostMode(this) : null;
        this.surgeMode = mode == Mode.SURGE ? new SurgeMode(this) : null;
    }

    /** Each Liberty server's pid. */
    private Map<String, Long> servers() {
        Map<String, Long> pids = new LinkedHashMap<>();
        stack.services().forEach(s -> pids.put(s.serverName(), stack.server(s).pid()));
        return pids;
    }

    public static void main(String[] args) {
        Benchmark benchmark;
        StackLayout layout = StackLayout.fromEnvironment();
        layout = layout.withData(layout.root().resolve("target/bench-data"));
        try {
            benchmark = new Benchmark(Options.parse(args), layout); // refuses bad options before anything is deleted or started
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println("usage: " + USAGE);
            System.exit(2);
            return;
        }
        int status = 1;
        try {
            layout.deleteData();
            benchmark.run(String.join(" ", args));
            status = 0;
        } catch (Throwable e) {
            System.err.println("bench: the run FAILED: " + e.getMessage());
            e.printStackTrace();
        } finally {
            benchmark.stack.close();
        }
        System.exit(status); // also ends the load generators' threads
    }

    private void run(String arguments) throws Exception {
        log("Starting the stack (Kafka, six Liberty servers) on ports " + (9081 + PORT_OFFSET) + "-" + (9086 + PORT_OFFSET)
                + "; mode " + mode.name().toLowerCase(Locale.ROOT));
        long started = System.nanoTime();
        stack.start(Duration.ofMinutes(5));
        startSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
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
        customerIds = parallel(customers, i -> post(Service.MILEAGE, "/api/customers",
                "{\"name\":\"Bench " + i + "\",\"email\":\"bench-" + i + "@bench.example\"}", created.get(i).subject()).getString("id"));
        flightIds = parallel(flights, i -> createFlight(i, 900, 100 + (i % 10) * 100));
        probeCustomer = post(Service.MILEAGE, "/api/customers", "{\"name\":\"Lag probe\",\"email\":\"probe@bench.example\"}",
                created.get(customers).subject()).getString("id");
        probeFlight = createFlight(8999, 900, 100);

        log("Warming up for " + warmup + " s (the JIT compiles the hot paths)");
        Wrk.Result warm = grpc ? grpcBookings("warmup", warmup, customersWithTokens()).get()
                : Wrk.start("warmup", url(Service.RESERVATION), 2, concurrency, warmup, "book.lua", bookingValues(), work).await();
        warmupBookings = warm.count(201, 202);
        awaitQuiet();

        switch (mode) {
            case STANDARD -> runStandard(arguments);
            case COST -> costMode.run(arguments);
            case SURGE -> surgeMode.run(arguments);
        }
    }

    /** The bare Liberty ceiling: /health/live as fast as wrk can ask, the yardstick that moves with the host's speed. */
    Wrk.Result ceiling() {
        log("Bare Liberty ceiling: /health/live, " + concurrency + " connections, 15 s");
        return Wrk.start("health", url(Service.RESERVATION) + "/health/live", 2, concurrency, 15, "read.lua",
                Map.of("BENCH_PATH", "/health/live", "BENCH_DELAY_MS", "0", "BENCH_CUSTOMERS", "{{\"1\",\"\"}}"), work).await();
    }

    /**
     * What book.lua needs, with a fresh token per customer (tokens live 5 minutes, so each load gets its own),
     * the flights (900 seats: 150 rows of six) and whether to name seats.
     */
    Map<String, String> bookingValues() throws Exception {
        return Map.of("BENCH_CUSTOMERS", lua(customersWithTokens()), "BENCH_FLIGHTS", luaList(flightIds),
                "BENCH_SEAT_CHOICE", String.valueOf(seatChoice), "BENCH_SEAT_ROWS", "150");
    }

    /** The standard mode's bookings over gRPC, straight to reservation's port as wrk's are: {@link GrpcLoad}. */
    private java.util.concurrent.CompletableFuture<Wrk.Result> grpcBookings(String name, int seconds, List<OpenLoop.Customer> customers)
            throws Exception {
        return GrpcLoad.start(name, "localhost", Service.RESERVATION.port() + PORT_OFFSET, concurrency, seconds, customers, flightIds,
                seatChoice, 150);
    }

    /**
     * The sustained booking rate: wrk's closed loop at --concurrency connections. Both 201 (CONFIRMED)
     * and 202 (HELD, paid in the background) count as bookings. The consumers catch up afterwards.
     */
    Wrk.Result sustained(int seconds) throws Exception {
        Map<String, String> values = bookingValues();
        log("Sustained rate: bookings at " + concurrency + " connections (closed loop) for " + seconds + " s");
        Wrk.Result result = Wrk.start("sustained", url(Service.RESERVATION), 2, concurrency, seconds, "book.lua", values, work).await();
        awaitQuiet();
        if (result.count(201, 202) < seconds) {
            throw new IllegalStateException("The stack sustained less than one booking a second (" + result.statuses()
                    + "): nothing a rate could be derived from");
        }
        return result;
    }

    /**
     * The side load of the standard run: staff cancel bookings of the warm-up (one connection, 50 ms
     * between requests) while customers read their reservations, miles and history (one connection
     * each, 40 ms between requests). Prepared first (with the scan for bookings to cancel), so that
     * nothing of the preparation runs inside a CPU window.
     */
    final class SideLoad {
        private final Map<String, String> cancels;
        private final Map<String, String> reads;

        /** @param values book.lua's values (customers with fresh tokens), which the reads take too */
        SideLoad(int seconds, Map<String, String> values) {
            cancels = Map.of("BENCH_CANCEL_IDS", luaList(confirmedReservations(customerIds, 20 * seconds + 100)),
                    "BENCH_DELAY_MS", "50", "BENCH_AUTHORIZATION", manager());
            reads = new LinkedHashMap<>(values);
            reads.put("BENCH_DELAY_MS", "40");
        }

        List<Wrk> start(int seconds) {
            List<Wrk> running = new ArrayList<>();
            running.add(Wrk.start("cancel", url(Service.RESERVATION), 1, 1, seconds, "cancel.lua", cancels, work));
            running.add(Wrk.start("read-reservations", url(Service.RESERVATION), 1, 1, seconds, "read.lua",
                    with(reads, "BENCH_PATH", "/api/reservations?customerId={c}"), work));
            running.add(Wrk.start("read-mileage", url(Service.MILEAGE), 1, 1, seconds, "read.lua",
                    with(reads, "BENCH_PATH", "/api/customers/{c}/mileage"), work));
            running.add(Wrk.start("read-history", url(Service.HISTORY), 1, 1, seconds, "read.lua",
                    with(reads, "BENCH_PATH", "/api/history?customerId={c}"), work));
            return running;
        }
    }

    private void runStandard(String arguments) throws Exception {
        Wrk.Result ceiling = ceiling();
        Map<String, String> values = bookingValues();
        // The gRPC load's tokens too: fetched inside the window they were Keycloak's CPU in the bookings' (18:59 run).
        List<OpenLoop.Customer> grpcCustomers = grpc ? customersWithTokens() : null;

        // Set up before the window: the CPU sampled below is the measurement's alone.
        Profiler profiler = profile ? new Profiler(servers(), work) : null;
        SideLoad side = new SideLoad(duration, values);
        log("Measuring for " + duration + " s: bookings at " + concurrency + " connections, cancellations and reads alongside"
                + (profiler == null ? "" : "; profiling every server (Java Flight Recorder, the window only)"));
        if (profiler != null) {
            profiler.start();
        }
        ProcessSampler sampler = new ProcessSampler(pids());
        Timeline timeline = new Timeline(url(Service.RESERVATION)).start();
        LagProbe lag = new LagProbe();
        Future<?> probing = lag.start();
        List<Wrk> running = new ArrayList<>();
        java.util.concurrent.CompletableFuture<Wrk.Result> overGrpc = grpc ? grpcBookings("book", duration, grpcCustomers) : null;
        if (overGrpc == null) {
            running.add(Wrk.start("book", url(Service.RESERVATION), 2, concurrency, duration, "book.lua", values, work));
        }
        running.addAll(side.start(duration));
        List<Wrk.Result> results = new ArrayList<>();
        if (overGrpc != null) {
            results.add(overGrpc.get()); // the bookings first, as the report reads them
        }
        for (Wrk wrk : running) {
            results.add(wrk.await());
        }
        Map<String, ProcessSampler.Usage> usage = sampler.usage();
        sampler.close();
        Map<String, Map<String, Double>> profile = profiler == null ? null : profiler.stop();
        timeline.close();
        lag.stop();
        probing.get();

        log("Waiting for the consumers to catch up, then auditing every customer");
        long drainStarted = System.nanoTime();
        awaitQuiet();
        double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;
        Audit audit = audit(customerIds);
        log(audit.toString());

        JsonObject result = report(arguments, ceiling, results, lag.lags(), usage, drainSeconds, audit);
        String stamp = stamp();
        String picture = "benchmarks/" + stamp + ".png";
        timeline.draw(stack.layout().root().resolve("docs").resolve(picture), "./bench/run.sh " + arguments + " (tracing: " + tracing() + ")");
        String markdown = markdown(result) + "\n![The run over time: bookings/s, booking p50/p99, consumer lag](" + picture + ")\n";
        if (profile != null) {
            double bookings = results.get(0).count(201, 202);
            String profilePicture = "benchmarks/" + stamp + "-profile.png";
            Profiler.draw(profile, bookings, stack.layout().root().resolve("docs").resolve(profilePicture), "CPU per booking by component (JFR + /proc)");
            markdown += "\nWhere the CPU went during the window (every booking answered 201 or 202 counted; Java threads split by "
                    + "JFR stack samples, innermost known component; GC, JIT and VM threads from /proc; recordings in target/bench):\n\n"
                    + Profiler.markdown(profile, bookings) + "\n![CPU per booking by component](" + profilePicture + ")\n";
        }
        publish(stamp, result, markdown);
    }

    /** The run's time stamp, for its files. */
    static String stamp() {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    }

    /** Keeps the result (target/bench/result-STAMP.json) and appends its section to docs/benchmarks.md. */
    void publish(String stamp, JsonObject result, String markdown) throws IOException {
        Path json = keep(stamp, result);
        Path doc = stack.layout().root().resolve("docs/benchmarks.md");
        Files.writeString(doc, markdown, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println();
        System.out.println(markdown);
        log("Written " + json + " and appended to " + doc);
    }

    /** Writes the result to target/bench only: a run whose numbers must not be published still leaves what it saw. */
    Path keep(String stamp, JsonObject result) throws IOException {
        Files.createDirectories(work);
        Path json = work.resolve("result-" + stamp + ".json");
        Files.writeString(json, result.toString());
        return json;
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
     * Measures end-to-end lag: from a booking's answer until its miles are credited and its history
     * entry is visible, one probe booking at a time, all through the measurement.
     */
    private final class LagProbe {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Double> lags = Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService thread = Executors.newSingleThreadExecutor();

        Future<?> start() {
            return thread.submit(() -> {
                while (running.get()) {
                    lags.add(measureOnce());
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

    /**
     * One probe booking; returns seconds until both its ledger entry and its history entry are visible.
     * It is a careful client: a 202 is a booking too (paid in the background: its miles come with the
     * confirmation), and a refusal for want of capacity is sent again after its Retry-After with the
     * same Idempotency-Key, which makes the retry safe.
     */
    private double measureOnce() {
        String key = "probe-" + java.util.UUID.randomUUID();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        HttpResponse<String> answer;
        while (true) {
            answer = exchange(HttpRequest.newBuilder(URI.create(url(Service.RESERVATION) + "/api/reservations"))
                    .header("Content-Type", "application/json").header("Authorization", authorization(probeCustomer)).header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"scheduleId\":" + probeFlight + ",\"passengers\":1,\"paymentMethod\":\"pm_card_visa\"}")));
            if (answer.statusCode() == 201 || answer.statusCode() == 202) {
                break;
            }
            java.util.Optional<String> retryAfter = answer.headers().firstValue("Retry-After").filter(OpenLoop::validRetryAfter);
            if ((answer.statusCode() != 429 && answer.statusCode() != 503) || retryAfter.isEmpty() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The probe's booking -> " + answer.statusCode() + " " + answer.body());
            }
            pause(Math.min(5_000, Long.parseLong(retryAfter.get().trim()) * 1000));
        }
        long reservation = Json.createReader(new StringReader(answer.body())).readObject().getJsonNumber("id").longValue();
        long booked = System.nanoTime();
        boolean miles = false;
        boolean history = false;
        while (!(miles && history)) {
            if (System.nanoTime() - booked > Duration.ofMinutes(2).toNanos()) {
                throw new IllegalStateException("Reservation " + reservation + " not reflected within 2 minutes");
            }
            miles = miles || get(Service.MILEAGE, "/api/customers/" + probeCustomer + "/mileage?size=5", probeCustomer).getJsonObject("ledger")
                    .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .anyMatch(e -> e.getJsonNumber("reservationId").longValue() == reservation);
            history = history || get(Service.HISTORY, "/api/history?size=5", probeCustomer).getJsonArray("items")
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
    void awaitQuiet() {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (measureOnce() > 1.0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The consumers did not catch up within 10 minutes");
            }
        }
    }

    /** The audit: every customer's balance equals the miles of their standing bookings, with one history entry and notification per event. */
    record Audit(int customers, long reservations, long cancelled, List<String> problems, Map<Long, JsonObject> byId) {
        @Override
        public String toString() {
            return "Audit of " + customers + " customers, " + reservations + " reservations (" + cancelled + " cancelled): "
                    + (problems.isEmpty() ? "all consistent" : problems.size() + " problems, first: " + problems.subList(0, Math.min(5, problems.size())));
        }
    }

    /** Also keeps every reservation it read, by id, for the surge's own checks. */
    Audit audit(List<String> customerIds) throws Exception {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        Map<Long, JsonObject> byId = new java.util.concurrent.ConcurrentHashMap<>();
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
                byId.put(r.getJsonNumber("id").longValue(), r);
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
        return new Audit(customers, counts.stream().mapToLong(c -> c[0]).sum(), counts.stream().mapToLong(c -> c[1]).sum(), problems, byId);
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

    /**
     * What every section starts with: the run, the machine, the bare ceiling, the sustained booking
     * rate and their ratio (a figure that does not move with the host's speed).
     */
    JsonObjectBuilder common(String arguments, Wrk.Result ceiling, double bookingsPerSecond) {
        return Json.createObjectBuilder()
                .add("date", Instant.now().toString())
                .add("mode", mode.name().toLowerCase(Locale.ROOT))
                .add("command", "./bench/run.sh " + arguments)
                .add("machine", machine())
                .add("cores", Runtime.getRuntime().availableProcessors())
                .add("tracing", tracing())
                .add("database", database.equals("postgresql") ? "PostgreSQL (every service's database in the stack's cluster)" : "embedded Derby (in each server)")
                .add("serverJvmArgs", System.getenv().getOrDefault("BENCH_JVM_ARGS", ""))
                .add("concurrency", concurrency).add("durationSeconds", duration).add("warmupSeconds", warmup)
                .add("stackStartSeconds", startSeconds)
                .add("warmupBookings", warmupBookings)
                .add("bookingsPerSecond", round(bookingsPerSecond))
                .add("healthLiveCeilingPerSecond", round(ceiling.perSecond()))
                .add("bookingsToCeilingRatio", ratio(bookingsPerSecond / ceiling.perSecond()))
                .add("bareRequestCpuMs", bareRequestCpuMs(ceiling));
    }

    /** What one bare /health/live request costs: the ceiling run keeps every core busy, so cores ÷ its rate. */
    static double bareRequestCpuMs(Wrk.Result ceiling) {
        return Math.round(Runtime.getRuntime().availableProcessors() * 1000.0 / ceiling.perSecond() * 10_000) / 10_000.0;
    }

    /** The heading and first paragraph of a section. */
    static String heading(JsonObject r, String title) {
        return "\n## " + r.getString("date").substring(0, 16) + " UTC — `" + r.getString("command") + "`" + (title.isEmpty() ? "" : " — " + title) + "\n\n"
                + "Machine: " + r.getString("machine") + ". Everything on one host: Kafka, six Liberty servers, Keycloak, Zipkin, the gateway, "
                + "the load generators, the probe. Tracing: " + r.getString("tracing") + ". Database: " + r.getString("database") + "."
                + (r.getString("serverJvmArgs").isEmpty() ? "" : " Servers' extra JVM options: `" + r.getString("serverJvmArgs") + "`.") + "\n\n";
    }

    JsonObject report(String arguments, Wrk.Result ceiling, List<Wrk.Result> results, List<Double> lags,
            Map<String, ProcessSampler.Usage> usage, double drainSeconds, Audit audit) {
        Wrk.Result book = results.get(0);
        double bookingsPerSecond = book.count(201, 202) / book.seconds();
        JsonObjectBuilder requests = Json.createObjectBuilder();
        for (Wrk.Result r : results) {
            requests.add(r.name(), wrkJson(r));
        }
        List<Double> sorted = new ArrayList<>(lags);
        Collections.sort(sorted);
        double totalCpu = usage.values().stream().mapToDouble(ProcessSampler.Usage::cpuSeconds).sum();
        // The probe's bookings are bookings too: their CPU is in the window.
        long bookings = book.count(201, 202) + sorted.size();
        double cpuPerBookingMs = totalCpu * 1000 / Math.max(1, bookings);
        return common(arguments, ceiling, bookingsPerSecond)
                .add("requests", requests)
                .add("probeBookings", sorted.size())
                .add("lag", Json.createObjectBuilder().add("samples", sorted.size()).add("p50Seconds", round(percentile(sorted, 50)))
                        .add("p99Seconds", round(percentile(sorted, 99))).add("maxSeconds", round(percentile(sorted, 100))))
                .add("drainSecondsAfterLoad", round(drainSeconds))
                .add("processes", processesJson(usage))
                .add("totalMaxRssMb", usage.values().stream().mapToLong(ProcessSampler.Usage::maxRssMb).sum()).add("totalCpuSeconds", round(totalCpu))
                .add("averageCpuPerBookingMs", round(cpuPerBookingMs))
                .add("averageCpuPerBookingInBareRequests", round(cpuPerBookingMs / bareRequestCpuMs(ceiling)))
                .add("audit", auditJson(audit))
                .build();
    }

    static JsonObjectBuilder wrkJson(Wrk.Result r) {
        JsonObjectBuilder statuses = Json.createObjectBuilder();
        r.statuses().forEach(statuses::add);
        return Json.createObjectBuilder().add("requests", r.requests()).add("perSecond", round(r.perSecond()))
                .add("p50Ms", r.p50() / 1000.0).add("p95Ms", r.p95() / 1000.0).add("p99Ms", r.p99() / 1000.0).add("maxMs", r.max() / 1000.0)
                .add("socketErrors", r.socketErrors()).add("statuses", statuses);
    }

    static JsonObjectBuilder processesJson(Map<String, ProcessSampler.Usage> usage) {
        JsonObjectBuilder processes = Json.createObjectBuilder();
        usage.forEach((name, u) -> processes.add(name, Json.createObjectBuilder().add("maxRssMb", u.maxRssMb()).add("cpuSeconds", round(u.cpuSeconds()))));
        return processes;
    }

    static JsonObjectBuilder auditJson(Audit audit) {
        JsonArrayBuilder first = Json.createArrayBuilder();
        audit.problems().stream().limit(20).forEach(first::add);
        return Json.createObjectBuilder().add("customers", audit.customers()).add("reservations", audit.reservations())
                .add("cancelled", audit.cancelled()).add("problems", audit.problems().size()).add("firstProblems", first);
    }

    static String markdown(JsonObject r) {
        StringBuilder md = new StringBuilder(heading(r, ""));
        md.append(String.format(Locale.ROOT, "**%.0f bookings/s** sustained for %d s at %d connections (201 CONFIRMED and 202 HELD both count: a 202 "
                        + "is a booking accepted and paid in the background); bare Liberty `/health/live` ceiling %.0f req/s (ratio %.3f). "
                        + "End-to-end lag (booking answered → miles and history visible): p50 %.2f s, p99 %.2f s (%d samples). "
                        + "Stack ready in %d s. Audit: %d customers, %d reservations (%d cancelled), %d problems.%n%n",
                r.getJsonNumber("bookingsPerSecond").doubleValue(), r.getInt("durationSeconds"), r.getInt("concurrency"),
                r.getJsonNumber("healthLiveCeilingPerSecond").doubleValue(), r.getJsonNumber("bookingsToCeilingRatio").doubleValue(),
                r.getJsonObject("lag").getJsonNumber("p50Seconds").doubleValue(), r.getJsonObject("lag").getJsonNumber("p99Seconds").doubleValue(),
                r.getJsonObject("lag").getInt("samples"), r.getInt("stackStartSeconds"),
                r.getJsonObject("audit").getInt("customers"), r.getJsonObject("audit").getJsonNumber("reservations").longValue(),
                r.getJsonObject("audit").getJsonNumber("cancelled").longValue(), r.getJsonObject("audit").getInt("problems")));
        md.append(String.format(Locale.ROOT, "CPU of all processes per booking, on average: %.1f ms (all CPU in the window ÷ the bookings, the probe's %d "
                        + "included) = %.0f bare `/health/live` requests (one costs %.3f ms: %d cores ÷ the ceiling). An average, not the marginal "
                        + "cost: it carries the side load and the stack's idle CPU (`--mode cost` separates them).%n%n",
                r.getJsonNumber("averageCpuPerBookingMs").doubleValue(), r.getInt("probeBookings"),
                r.getJsonNumber("averageCpuPerBookingInBareRequests").doubleValue(), r.getJsonNumber("bareRequestCpuMs").doubleValue(), r.getInt("cores")));
        md.append("| request | count | per s | p50 ms | p95 ms | p99 ms | max ms | answers |\n|---|---|---|---|---|---|---|---|\n");
        r.getJsonObject("requests").forEach((name, value) -> md.append(wrkRow(name, value.asJsonObject())));
        md.append("\n| process | max RSS MB | CPU s |\n|---|---|---|\n");
        r.getJsonObject("processes").forEach((name, value) -> md.append(String.format(Locale.ROOT, "| %s | %d | %.1f |%n", name,
                value.asJsonObject().getJsonNumber("maxRssMb").longValue(), value.asJsonObject().getJsonNumber("cpuSeconds").doubleValue())));
        md.append(String.format(Locale.ROOT, "| **all** | **%d** | **%.1f** |%n", r.getJsonNumber("totalMaxRssMb").longValue(),
                r.getJsonNumber("totalCpuSeconds").doubleValue()));
        return md.toString();
    }

    static String wrkRow(String name, JsonObject q) {
        return String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %s%s |%n", name, q.getJsonNumber("requests").longValue(),
                q.getJsonNumber("perSecond").doubleValue(), q.getJsonNumber("p50Ms").doubleValue(), q.getJsonNumber("p95Ms").doubleValue(),
                q.getJsonNumber("p99Ms").doubleValue(), q.getJsonNumber("maxMs").doubleValue(), q.getJsonObject("statuses").toString().replace("\"", ""),
                q.getJsonNumber("socketErrors").longValue() > 0 ? ", socket errors " + q.getJsonNumber("socketErrors") : "");
    }

    /** Every process of the stack, by name. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("kafka", stack.kafka().pid());
        // Keycloak serves nothing while the load runs (the tokens are made before it); its CPU shows whether it idles.
        pids.put("keycloak", stack.keycloak().pid());
        pids.put("zipkin", stack.zipkin().pid());
        // nginx: the benchmark talks to the servers directly, but the gateway is part of the stack and its idle CPU counts.
        pids.put("gateway" + ProcessSampler.TREE, stack.gatewayPid());
        stack.services().forEach(s -> pids.put(s.serverName(), stack.server(s).pid()));
        stack.postgres().ifPresent(postgres -> pids.put("postgresql" + ProcessSampler.TREE, postgres.pid()));
        return pids;
    }

    /** The trace sampling the servers ran with (MSAAIR_TRACE_SAMPLING: off, or a ratio; 1.0 by default). */
    static String tracing() {
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

    String url(Service service) {
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
    JsonObject get(Service service, String path, String who) {
        return send(HttpRequest.newBuilder(URI.create(url(service) + path)).GET().header("Authorization", authorization(who)), 200);
    }

    private JsonObject post(Service service, String path, String body, String who) {
        return send(HttpRequest.newBuilder(URI.create(url(service) + path)).header("Content-Type", "application/json")
                .header("Authorization", authorization(who)).POST(HttpRequest.BodyPublishers.ofString(body)), 201);
    }

    private String authorization(String who) {
        return who.startsWith("Bearer ") ? who : identities.bearer(people.get(who));
    }

    /** The seeded customers, each with a token made now. */
    List<OpenLoop.Customer> customersWithTokens() throws Exception {
        return parallel(customerIds.size(), i -> {
            Identities.Person person = people.get(customerIds.get(i));
            return new OpenLoop.Customer(person.subject(), identities.freshToken(person.username(), person.password(), "msaair-cli"));
        });
    }

    /** Customers as the Lua scripts take them: a table of {id, token}. */
    private static String lua(List<OpenLoop.Customer> customers) {
        return customers.stream().map(c -> "{\"" + c.id() + "\",\"" + c.token() + "\"}").collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** A staff member's "Bearer …". */
    String manager() {
        return identities.bearer("sora", "dev-only-sora");
    }

    private static JsonObject send(HttpRequest.Builder request, int expected) {
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    interface Task<T> {
        T run(int index) throws Exception;
    }

    static <T> List<T> parallel(int count, Task<T> task) throws Exception {
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

    static double ratio(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static void log(String message) {
        Console.log("bench", message);
    }
}
