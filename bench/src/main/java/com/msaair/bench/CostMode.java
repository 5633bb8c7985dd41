package com.msaair.bench;

import static com.msaair.bench.Benchmark.log;
import static com.msaair.bench.Benchmark.round;
import static com.msaair.bench.Console.pause;

import com.msaair.localstack.Service;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --mode cost}: what a booking costs at the margin, what the stack costs doing nothing, and
 * what the side load costs, each measured alone so that "CPU per booking" means what it says.
 * <ol>
 * <li>Idle: after the warm-up has drained and the pollers have settled, no load at all for
 *     {@code --idle-seconds}; every process's CPU as a share of one core.</li>
 * <li>The bare {@code /health/live} ceiling, and the sustained booking rate (closed loop).</li>
 * <li>The side load alone (the standard run's cancellations and reads, no bookings).</li>
 * <li>Bookings alone, open loop, at a low and a high rate below the sustained one: each held for
 *     {@code --settle-seconds} before its CPU is read for {@code --duration} seconds, so the
 *     consumers' work of the window's bookings is inside it. The marginal CPU per booking is the
 *     difference of the two CPU rates over the difference of the two booking rates: the stack's idle
 *     CPU, being in both, drops out.</li>
 * </ol>
 * A window whose load was not what it claims (bookings refused, errors, a generator running late, a
 * rate the stack could not keep up with) makes the run invalid: its result is kept in target/bench
 * but not published, and the run fails.
 */
final class CostMode {

    /** How long the pollers get to settle once the warm-up has drained, before the idle CPU is read. */
    private static final int IDLE_SETTLE_SECONDS = 10;
    /** A window's bookings must be answered in time for its CPU to be theirs: beyond this the stack was queueing. */
    private static final double SATURATED_P99_MS = 2000;
    /** A generator later than this (p99) did not send the rate it claims. */
    static final double GENERATOR_LATE_MS = 50;

    private final Benchmark bench;
    private final int idleSeconds;
    private final int settleSeconds;
    private final int sustainedSeconds;
    private final Optional<double[]> rates;

    /** Reads and checks the mode's options (before anything starts). */
    CostMode(Benchmark bench) {
        this.bench = bench;
        this.idleSeconds = bench.options.positive("idle-seconds", 30);
        this.settleSeconds = bench.options.positive("settle-seconds", 15);
        this.sustainedSeconds = bench.options.positive("sustained-seconds", 30);
        this.rates = bench.options.rates("rates");
        if (bench.warmup < 60) {
            throw new IllegalArgumentException("--mode cost needs --warmup 60 or more: a cold JIT's CPU is not what a booking costs");
        }
        if (settleSeconds + bench.duration + 2 > 240) {
            throw new IllegalArgumentException("--settle-seconds + --duration must stay under 240 s: every token of a window is made "
                    + "before it and lives 5 minutes");
        }
        if (idleSeconds < 10) {
            throw new IllegalArgumentException("--idle-seconds must be 10 or more: the CPU clock counts in 10-ms ticks");
        }
    }

    /** One open-loop rate: the bookings due in its window and the CPU the stack spent meanwhile. */
    record Level(double target, OpenLoop.Result.Window window, Map<String, ProcessSampler.Usage> usage, double seconds) {

        double bookingsPerSecond() {
            return window.accepted() / window.seconds();
        }

        double cpuRate(String process) {
            return usage.get(process).cpuSeconds() / seconds;
        }
    }

    void run(String arguments) throws Exception {
        log("Idle: no load; " + IDLE_SETTLE_SECONDS + " s for the pollers to settle, then every process's CPU for " + idleSeconds + " s");
        pause(IDLE_SETTLE_SECONDS * 1000L);
        ProcessSampler idleSampler = new ProcessSampler(bench.pids());
        pause(idleSeconds * 1000L);
        Map<String, ProcessSampler.Usage> idle = idleSampler.usage();
        double idleElapsed = idleSampler.elapsedSeconds();
        idleSampler.close();

        Wrk.Result ceiling = bench.ceiling();
        Wrk.Result sustained = bench.sustained(sustainedSeconds);
        double sustainedRate = sustained.count(201, 202) / sustained.seconds();
        double[] chosen = rates.orElse(new double[] {Math.max(0.5, round(0.25 * sustainedRate)), round(0.65 * sustainedRate)});
        checkRates(chosen, sustainedRate);

        log("Side load alone (cancellations and reads, no bookings): " + settleSeconds + " s to settle, then its CPU for " + bench.duration + " s");
        int sideSeconds = settleSeconds + bench.duration + 2;
        Benchmark.SideLoad side = bench.new SideLoad(sideSeconds, bench.bookingValues());
        List<Wrk> running = side.start(sideSeconds);
        pause(settleSeconds * 1000L);
        ProcessSampler sideSampler = new ProcessSampler(bench.pids());
        pause(bench.duration * 1000L);
        Map<String, ProcessSampler.Usage> sideUsage = sideSampler.usage();
        double sideElapsed = sideSampler.elapsedSeconds();
        sideSampler.close();
        List<Wrk.Result> sideResults = new ArrayList<>();
        for (Wrk wrk : running) {
            sideResults.add(wrk.await());
        }
        bench.awaitQuiet();

        Level low = level(chosen[0]);
        bench.awaitQuiet();
        Level high = level(chosen[1]);
        bench.awaitQuiet();

        log("Auditing every customer");
        Benchmark.Audit audit = bench.audit(bench.customerIds);
        log(audit.toString());

        List<String> invalid = new ArrayList<>();
        checkLevel(low, invalid);
        checkLevel(high, invalid);
        if (high.bookingsPerSecond() - low.bookingsPerSecond() < 0.3 * high.bookingsPerSecond()) {
            invalid.add(String.format(Locale.ROOT, "the two rates booked %.1f and %.1f a second: too close to read a difference from",
                    low.bookingsPerSecond(), high.bookingsPerSecond()));
        }
        for (Wrk.Result r : sideResults) {
            if (r.socketErrors() > 0 || r.statuses().keySet().stream().anyMatch(code -> !code.equals("200"))) {
                invalid.add("the side load's " + r.name() + " answered " + r.statuses() + (r.socketErrors() > 0 ? ", socket errors " + r.socketErrors() : ""));
            }
        }

        JsonObject result = report(arguments, ceiling, sustained, idle, idleElapsed, sideResults, sideUsage, sideElapsed, low, high, audit);
        String stamp = Benchmark.stamp();
        if (!invalid.isEmpty()) {
            throw new IllegalStateException("INVALID run, not published (result kept in " + bench.keep(stamp, result) + "): "
                    + String.join("; ", invalid));
        }
        String markdown = markdown(result);
        bench.publish(stamp, result, markdown);
        log(result.getJsonObject("targets").toString());
    }

    /** The open-loop rates must both stay under what the stack sustains: past it, an open loop measures its queue. */
    private void checkRates(double[] chosen, double sustainedRate) {
        if (chosen[1] > 0.8 * sustainedRate) {
            throw new IllegalStateException(String.format(Locale.ROOT, "The high rate %.1f/s is above 80 %% of the sustained %.1f/s: an open loop "
                    + "that close to capacity measures the queue, not the bookings (give lower --rates)", chosen[1], sustainedRate));
        }
        if ((chosen[1] - chosen[0]) * bench.duration < 100) {
            throw new IllegalStateException(String.format(Locale.ROOT, "The rates %.1f and %.1f/s differ by fewer than 100 bookings over %d s: "
                    + "too few to read a marginal cost from (a longer --duration, or --rates further apart)", chosen[0], chosen[1], bench.duration));
        }
    }

    private Level level(double rate) throws Exception {
        List<OpenLoop.Customer> customers = bench.customersWithTokens();
        log(String.format(Locale.ROOT, "Bookings alone, open loop at %.1f/s: %d s to settle, then the CPU for %d s", rate, settleSeconds, bench.duration));
        OpenLoop load = new OpenLoop(bench.url(Service.RESERVATION), customers, bench.flightIds, 2000);
        try {
            OpenLoop.Running running = load.start(List.of(new OpenLoop.Phase("settle", rate, settleSeconds),
                    new OpenLoop.Phase("window", rate, bench.duration), new OpenLoop.Phase("tail", rate, 2)));
            running.awaitElapsed(settleSeconds);
            ProcessSampler sampler = new ProcessSampler(bench.pids());
            running.awaitElapsed(settleSeconds + bench.duration);
            Map<String, ProcessSampler.Usage> usage = sampler.usage();
            double seconds = sampler.elapsedSeconds();
            sampler.close();
            OpenLoop.Result result = running.await();
            return new Level(rate, result.phase("window"), usage, seconds);
        } finally {
            load.close();
        }
    }

    private static void checkLevel(Level level, List<String> invalid) {
        OpenLoop.Result.Window w = level.window();
        String at = String.format(Locale.ROOT, "at %.1f/s: ", level.target());
        if (w.accepted() != w.arrivals()) {
            invalid.add(at + "not every booking was accepted " + w.statuses() + " (the cost of a refusal is not a booking's)");
        }
        if (w.sendLagP99Ms() > GENERATOR_LATE_MS) {
            invalid.add(at + "the load generator sent late (p99 " + w.sendLagP99Ms() + " ms): the machine could not keep the rate");
        }
        if (w.p99Ms() > SATURATED_P99_MS) {
            invalid.add(at + "booking p99 " + w.p99Ms() + " ms: the stack was queueing, so the window's CPU is not its bookings' (lower --rates)");
        }
    }

    JsonObject report(String arguments, Wrk.Result ceiling, Wrk.Result sustained, Map<String, ProcessSampler.Usage> idle, double idleSeconds,
            List<Wrk.Result> side, Map<String, ProcessSampler.Usage> sideUsage, double sideSeconds, Level low, Level high, Benchmark.Audit audit) {
        double sustainedRate = sustained.count(201, 202) / sustained.seconds();
        double bareMs = Benchmark.bareRequestCpuMs(ceiling);
        double deltaBookings = high.bookingsPerSecond() - low.bookingsPerSecond();
        JsonObjectBuilder processes = Json.createObjectBuilder();
        double idleTotal = 0;
        double sideTotal = 0;
        double lowTotal = 0;
        double highTotal = 0;
        for (String process : idle.keySet()) {
            double idleRate = idle.get(process).cpuSeconds() / idleSeconds;
            double sideRate = sideUsage.get(process).cpuSeconds() / sideSeconds;
            idleTotal += idleRate;
            sideTotal += sideRate;
            lowTotal += low.cpuRate(process);
            highTotal += high.cpuRate(process);
            processes.add(process, Json.createObjectBuilder()
                    .add("idlePercentOfCore", round(idleRate * 100))
                    .add("sideLoadPercentOfCoreAboveIdle", round((sideRate - idleRate) * 100))
                    .add("lowRatePercentOfCore", round(low.cpuRate(process) * 100))
                    .add("highRatePercentOfCore", round(high.cpuRate(process) * 100))
                    .add("marginalCpuPerBookingMs", round((high.cpuRate(process) - low.cpuRate(process)) / deltaBookings * 1000))
                    .add("maxRssMb", Math.max(Math.max(idle.get(process).maxRssMb(), sideUsage.get(process).maxRssMb()),
                            Math.max(low.usage().get(process).maxRssMb(), high.usage().get(process).maxRssMb()))));
        }
        double marginalMs = (highTotal - lowTotal) / deltaBookings * 1000;
        double sideRequestsPerSecond = side.stream().mapToDouble(Wrk.Result::perSecond).sum();
        JsonObjectBuilder sideRequests = Json.createObjectBuilder();
        side.forEach(r -> sideRequests.add(r.name(), Benchmark.wrkJson(r)));
        double idlePercent = idleTotal * 100;
        double marginalInBare = marginalMs / bareMs;
        return bench.common(arguments, ceiling, sustainedRate)
                .add("sustained", Benchmark.wrkJson(sustained)).add("sustainedSeconds", sustainedSeconds)
                .add("idleSeconds", round(idleSeconds)).add("settleSeconds", settleSeconds)
                .add("idlePercentOfCore", round(idlePercent))
                .add("sideLoad", Json.createObjectBuilder().add("requestsPerSecond", round(sideRequestsPerSecond))
                        .add("percentOfCoreAboveIdle", round((sideTotal - idleTotal) * 100))
                        .add("cpuPerRequestMs", round((sideTotal - idleTotal) / sideRequestsPerSecond * 1000)).add("requests", sideRequests))
                .add("rates", Json.createArrayBuilder().add(levelJson(low, idleTotal, lowTotal)).add(levelJson(high, idleTotal, highTotal)))
                .add("marginalCpuPerBookingMs", round(marginalMs))
                .add("marginalCpuPerBookingInBareRequests", round(marginalInBare))
                .add("processes", processes)
                .add("audit", Benchmark.auditJson(audit))
                .add("targets", Json.createObjectBuilder()
                        .add("bookings/s ÷ bare ceiling ≥ 0.035", sustainedRate / ceiling.perSecond() >= 0.035)
                        .add("marginal CPU per booking ≤ 25 bare requests", marginalInBare <= 25)
                        .add("idle CPU ≤ 3 % of one core", idlePercent <= 3)
                        .add("audit consistent", audit.problems().isEmpty()))
                .build();
    }

    private static JsonObjectBuilder levelJson(Level level, double idleTotal, double total) {
        OpenLoop.Result.Window w = level.window();
        JsonObjectBuilder statuses = Json.createObjectBuilder();
        w.statuses().forEach(statuses::add);
        return Json.createObjectBuilder().add("targetPerSecond", level.target()).add("bookingsPerSecond", round(level.bookingsPerSecond()))
                .add("windowSeconds", round(level.seconds())).add("percentOfCore", round(total * 100))
                .add("cpuPerBookingAboveIdleMs", round((total - idleTotal) / level.bookingsPerSecond() * 1000))
                .add("p50Ms", w.p50Ms()).add("p90Ms", w.p90Ms()).add("p99Ms", w.p99Ms()).add("maxMs", w.maxMs())
                .add("generatorLagP99Ms", w.sendLagP99Ms()).add("statuses", statuses);
    }

    static String markdown(JsonObject r) {
        StringBuilder md = new StringBuilder(Benchmark.heading(r, "what a booking costs at the margin, idle, and the side load's cost"));
        md.append(String.format(Locale.ROOT, "Sustained: **%.1f bookings/s** (closed loop, %d connections, %.0f s; 201 CONFIRMED and 202 HELD both "
                        + "count: a 202 is a booking accepted and paid in the background); bare Liberty `/health/live` ceiling %.0f req/s "
                        + "(**ratio %.4f**; target ≥ 0.035).%n%n",
                r.getJsonNumber("bookingsPerSecond").doubleValue(), r.getInt("concurrency"), r.getJsonNumber("sustainedSeconds").doubleValue(),
                r.getJsonNumber("healthLiveCeilingPerSecond").doubleValue(), r.getJsonNumber("bookingsToCeilingRatio").doubleValue()));
        JsonObject low = r.getJsonArray("rates").getJsonObject(0);
        JsonObject high = r.getJsonArray("rates").getJsonObject(1);
        md.append(String.format(Locale.ROOT, "**Marginal CPU per booking: %.1f ms** of all processes = **%.1f bare `/health/live` requests** "
                        + "(target ≤ 25; one bare request costs %.3f ms: %d cores ÷ the ceiling). Bookings alone, open loop (a constant arrival "
                        + "rate; latency from each request's due time), at %.1f and %.1f bookings/s, each held %d s before its CPU was read for "
                        + "%.0f s: (CPU/s at the high rate − CPU/s at the low rate) ÷ (the difference of the booking rates).%n%n",
                r.getJsonNumber("marginalCpuPerBookingMs").doubleValue(), r.getJsonNumber("marginalCpuPerBookingInBareRequests").doubleValue(),
                r.getJsonNumber("bareRequestCpuMs").doubleValue(), r.getInt("cores"), low.getJsonNumber("bookingsPerSecond").doubleValue(),
                high.getJsonNumber("bookingsPerSecond").doubleValue(), r.getInt("settleSeconds"), high.getJsonNumber("windowSeconds").doubleValue()));
        md.append(String.format(Locale.ROOT, "**Idle: %.1f %% of one core**, all processes (target ≤ 3 %%): no load for %.0f s after the warm-up "
                        + "had drained, every poller running.%n%n",
                r.getJsonNumber("idlePercentOfCore").doubleValue(), r.getJsonNumber("idleSeconds").doubleValue()));
        JsonObject side = r.getJsonObject("sideLoad");
        md.append(String.format(Locale.ROOT, "Side load alone (the standard run's cancellations and reads, no bookings): %.0f requests/s, "
                        + "%.1f %% of one core above idle = %.2f ms per request.%n%n",
                side.getJsonNumber("requestsPerSecond").doubleValue(), side.getJsonNumber("percentOfCoreAboveIdle").doubleValue(),
                side.getJsonNumber("cpuPerRequestMs").doubleValue()));
        md.append("| bookings alone | bookings/s | all processes, % of a core | CPU per booking above idle, ms | p50 ms | p90 ms | p99 ms | max ms "
                + "| generator late p99 ms | answers |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (JsonObject level : List.of(low, high)) {
            md.append(String.format(Locale.ROOT, "| %.1f/s offered | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n",
                    level.getJsonNumber("targetPerSecond").doubleValue(), level.getJsonNumber("bookingsPerSecond").doubleValue(),
                    level.getJsonNumber("percentOfCore").doubleValue(), level.getJsonNumber("cpuPerBookingAboveIdleMs").doubleValue(),
                    level.getJsonNumber("p50Ms").doubleValue(), level.getJsonNumber("p90Ms").doubleValue(), level.getJsonNumber("p99Ms").doubleValue(),
                    level.getJsonNumber("maxMs").doubleValue(), level.getJsonNumber("generatorLagP99Ms").doubleValue(),
                    level.getJsonObject("statuses").toString().replace("\"", "")));
        }
        md.append("\n| process | idle, % of a core | side load above idle, % of a core | at the low rate, % | at the high rate, % "
                + "| marginal CPU per booking, ms | max RSS MB |\n|---|---|---|---|---|---|---|\n");
        double[] all = new double[5];
        r.getJsonObject("processes").forEach((name, value) -> {
            JsonObject p = value.asJsonObject();
            double[] row = {p.getJsonNumber("idlePercentOfCore").doubleValue(), p.getJsonNumber("sideLoadPercentOfCoreAboveIdle").doubleValue(),
                    p.getJsonNumber("lowRatePercentOfCore").doubleValue(), p.getJsonNumber("highRatePercentOfCore").doubleValue(),
                    p.getJsonNumber("marginalCpuPerBookingMs").doubleValue()};
            for (int i = 0; i < row.length; i++) {
                all[i] += row[i];
            }
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.1f | %.1f | %.1f | %.2f | %d |%n", name, row[0], row[1], row[2], row[3], row[4],
                    p.getJsonNumber("maxRssMb").longValue()));
        });
        md.append(String.format(Locale.ROOT, "| **all** | **%.2f** | **%.1f** | **%.1f** | **%.1f** | **%.2f** | |%n", all[0], all[1], all[2], all[3], all[4]));
        md.append("\n| side-load request | count | per s | p50 ms | p95 ms | p99 ms | max ms | answers |\n|---|---|---|---|---|---|---|---|\n");
        side.getJsonObject("requests").forEach((name, value) -> md.append(Benchmark.wrkRow(name, value.asJsonObject())));
        JsonObject audit = r.getJsonObject("audit");
        md.append(String.format(Locale.ROOT, "%nAudit: %d customers, %d reservations (%d cancelled), %d problems. Targets: %s.%n",
                audit.getInt("customers"), audit.getJsonNumber("reservations").longValue(), audit.getJsonNumber("cancelled").longValue(),
                audit.getInt("problems"), targets(r.getJsonObject("targets"))));
        return md.toString();
    }

    /** "name: holds, name: does not hold, ..." */
    static String targets(JsonObject targets) {
        List<String> said = new ArrayList<>();
        targets.forEach((name, value) -> said.add(name + " " + (value.equals(jakarta.json.JsonValue.TRUE) ? "holds" : "**does not hold**")));
        return String.join(", ", said);
    }
}
