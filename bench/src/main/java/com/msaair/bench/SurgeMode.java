package com.msaair.bench;

import static com.msaair.bench.Benchmark.log;
import static com.msaair.bench.Benchmark.round;
import static com.msaair.bench.Console.pause;

import com.msaair.localstack.Service;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code --mode surge}: the peak the requirements name. Bookings arrive open loop (customers do not
 * wait for each other) at half the sustained rate for {@value #BEFORE} s, at twice it for
 * {@value #SURGE} s, and at half it again for {@value #AFTER} s. The stack must shed what it cannot
 * serve quickly (429 or 503 with Retry-After) rather than let every request queue; the bookings it
 * accepts keep p99 &lt; 1 s; it is back to normal within {@value #RECOVERY_SECONDS} s after the surge;
 * and afterwards nothing is lost, doubled or left HELD. Every second is recorded from the client's
 * side: arrivals, accepted (201, 202), shed, errors, and the accepted bookings' latency from the moment
 * each was due to leave.
 */
final class SurgeMode {

    static final int BEFORE = 10;
    static final int SURGE = 60;
    static final int AFTER = 30;
    static final double ACCEPTED_P99_MS = 1000;
    static final int RECOVERY_SECONDS = 5;
    /** How long an accepted booking may stay HELD after the load before it counts as left HELD (the background charge takes seconds). */
    private static final Duration SETTLE = Duration.ofMinutes(3);

    private final Benchmark bench;
    private final int sustainedSeconds;
    private final Optional<Double> rate;

    /** Reads and checks the mode's options (before anything starts). */
    SurgeMode(Benchmark bench) {
        this.bench = bench;
        this.sustainedSeconds = bench.options.positive("sustained-seconds", 30);
        this.rate = bench.options.rate("rate");
        if (bench.warmup < 60) {
            throw new IllegalArgumentException("--mode surge needs --warmup 60 or more: a cold JIT would make any rate a surge");
        }
        if (rate.isPresent() && rate.get() < 1) {
            throw new IllegalArgumentException("--rate must be at least 1 booking a second, not " + rate.get());
        }
    }

    void run(String arguments) throws Exception {
        Wrk.Result ceiling = bench.ceiling();
        Wrk.Result sustained = bench.sustained(sustainedSeconds);
        double sustainedRate = sustained.count(201, 202) / sustained.seconds();
        double capacity = rate.orElse(sustainedRate);
        List<OpenLoop.Phase> phases = List.of(new OpenLoop.Phase("before", capacity / 2, BEFORE), new OpenLoop.Phase("surge", capacity * 2, SURGE),
                new OpenLoop.Phase("after", capacity / 2, AFTER));
        List<OpenLoop.Customer> customers = bench.customersWithTokens();
        log(String.format(Locale.ROOT, "Surge, open loop: %.1f bookings/s for %d s, %.1f/s for %d s (twice the %s %.1f/s), %.1f/s for %d s",
                capacity / 2, BEFORE, capacity * 2, SURGE, rate.isPresent() ? "given" : "sustained", capacity, capacity / 2, AFTER));

        // A stack that sheds nothing holds every request until its 10-s timeout: room for all of them.
        // Through the gateway, as customers come: it is where a booking past capacity is refused (Gateway.BOOKINGS_IN_FLIGHT).
        OpenLoop load = new OpenLoop(bench.stack.gatewayUri().toString(), customers, bench.flightIds, (int) Math.max(2000, capacity * 2 * 12));
        Map<String, Double> admissionBefore = admissionCounts();
        Instant loadStarted = Instant.now();
        ProcessSampler sampler = new ProcessSampler(bench.pids());
        Timeline timeline = new Timeline(bench.url(Service.RESERVATION)).start();
        OpenLoop.Result result;
        long startedNanos;
        try {
            OpenLoop.Running running = load.start(phases);
            startedNanos = running.startedNanos();
            result = running.await();
        } finally {
            load.close();
        }
        Map<String, ProcessSampler.Usage> usage = sampler.usage();
        double cpuSeconds = sampler.elapsedSeconds();
        sampler.close();
        Map<String, Double> admission = new java.util.TreeMap<>();
        admissionCounts().forEach((outcome, count) -> admission.put(outcome, count - admissionBefore.getOrDefault(outcome, 0.0)));

        log("Waiting for the consumers to catch up");
        long drainStarted = System.nanoTime();
        bench.awaitQuiet();
        double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;
        timeline.close();
        List<OpenLoop.Outcome> accepted = result.outcomes().stream().filter(OpenLoop.Outcome::accepted).toList();
        List<Long> stillHeld = awaitSettled(accepted.stream().filter(o -> o.reservationStatus().equals("HELD")).map(OpenLoop.Outcome::reservationId)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        log("Auditing every customer");
        Benchmark.Audit audit = bench.audit(bench.customerIds);
        log(audit.toString());
        List<String> kept = keptProblems(result, audit, loadStarted, stillHeld);
        kept.forEach(problem -> log("PROBLEM: " + problem));

        String stamp = Benchmark.stamp();
        List<OpenLoop.Result.Second> seconds = result.perSecond();
        OptionalInt recovery = recoverySeconds(seconds, BEFORE + SURGE, BEFORE + SURGE + AFTER);
        JsonObject report = report(arguments, ceiling, sustained, capacity, result, seconds, recovery, usage, cpuSeconds, drainSeconds, audit, kept,
                admission);
        OpenLoop.Result.Window all = result.all();
        if (all.notSent() > 0 || all.sendLagP99Ms() > CostMode.GENERATOR_LATE_MS) {
            throw new IllegalStateException("INVALID run, not published (result kept in " + bench.keep(stamp, report) + "): the load generator "
                    + (all.notSent() > 0 ? "could not send " + all.notSent() + " requests (too many waiting for answers)"
                            : "sent late (p99 " + all.sendLagP99Ms() + " ms)") + ", so the arrival rate was not what the run claims");
        }
        String picture = "benchmarks/" + stamp + "-surge.png";
        SurgeChart.draw(seconds, timeline.lag(startedNanos), BEFORE, BEFORE + SURGE, bench.stack.layout().root().resolve("docs").resolve(picture),
                "./bench/run.sh " + arguments + " (tracing: " + Benchmark.tracing() + ")");
        String markdown = markdown(report) + "\n![The surge second by second: arrivals, accepted, shed, errors; accepted p50/p99; consumer lag]("
                + picture + ")\n";
        bench.publish(stamp, report, markdown);
        JsonObject targets = report.getJsonObject("targets");
        boolean allHold = targets.values().stream().allMatch(jakarta.json.JsonValue.TRUE::equals);
        log((allHold ? "Every target holds: " : "TARGETS NOT MET: ") + CostMode.targets(targets).replace("**", ""));
    }

    /**
     * Reservation's own count of the booking requests its admission control admitted and shed, by
     * outcome (msaair_admission_requests_total{limit="booking"}); empty for a server without one.
     */
    private Map<String, Double> admissionCounts() {
        Map<String, Double> counts = new java.util.TreeMap<>();
        String metrics = Benchmark.exchange(java.net.http.HttpRequest.newBuilder(java.net.URI.create(bench.url(Service.RESERVATION) + "/metrics"))).body();
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("^msaair_admission_requests_total\\{(.*)\\} ([0-9.eE+-]+)$", java.util.regex.Pattern.MULTILINE);
        java.util.regex.Matcher m = line.matcher(metrics);
        while (m.find()) {
            java.util.regex.Matcher outcome = java.util.regex.Pattern.compile("outcome=\"([a-z_]+)\"").matcher(m.group(1));
            if (m.group(1).contains("limit=\"booking\"") && outcome.find()) {
                counts.merge(outcome.group(1), Double.parseDouble(m.group(2)), Double::sum);
            }
        }
        return counts;
    }

    /** Waits until none of these reservations is HELD any more; says which still are at the deadline. */
    private List<Long> awaitSettled(Set<Long> held) {
        if (held.isEmpty()) {
            return List.of();
        }
        log(held.size() + " bookings were answered 202 HELD: waiting up to " + SETTLE.toMinutes() + " minutes for their background charges");
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Set<Long> waiting = new LinkedHashSet<>(held);
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            waiting.removeIf(id -> !bench.get(Service.RESERVATION, "/api/reservations/" + id, bench.manager()).getString("status").equals("HELD"));
            if (!waiting.isEmpty()) {
                pause(1000);
            }
        }
        return List.copyOf(waiting);
    }

    /**
     * What the audit of views cannot see: every accepted booking exists and ended CONFIRMED or released
     * with a reason, no answer names a reservation another answer named, no reservation is HELD past
     * its hold, and the load made exactly the reservations its answers say (within the requests whose
     * fate the client could not know).
     */
    static List<String> keptProblems(OpenLoop.Result result, Benchmark.Audit audit, Instant loadStarted, List<Long> stillHeld) {
        List<String> problems = new ArrayList<>();
        Map<Long, Integer> answers = new HashMap<>();
        result.outcomes().stream().filter(OpenLoop.Outcome::accepted).forEach(o -> answers.merge(o.reservationId(), 1, Integer::sum));
        answers.forEach((id, n) -> {
            if (n > 1) {
                problems.add("reservation " + id + " was the answer to " + n + " different booking requests");
            }
            JsonObject reservation = audit.byId().get(id);
            if (reservation == null) {
                problems.add("reservation " + id + " was accepted but is not among its customer's reservations (lost)");
                return;
            }
            String status = reservation.getString("status");
            boolean released = status.equals("PAYMENT_FAILED") || status.equals("EXPIRED");
            if (released && (reservation.isNull("releaseReason") || reservation.getString("releaseReason").isBlank())) {
                problems.add("reservation " + id + " is " + status + " without a reason");
            } else if (!released && !status.equals("CONFIRMED") && !status.equals("HELD")) {
                problems.add("reservation " + id + " was accepted and is " + status);
            }
        });
        stillHeld.forEach(id -> problems.add("reservation " + id + " was still HELD " + SETTLE.toMinutes() + " minutes after the load"));
        Instant now = Instant.now();
        audit.byId().values().stream().filter(r -> r.getString("status").equals("HELD") && !r.isNull("holdExpiresAt")
                && Instant.parse(r.getString("holdExpiresAt")).isBefore(now))
                .forEach(r -> problems.add("reservation " + r.getJsonNumber("id") + " is HELD past its hold (" + r.getString("holdExpiresAt") + ")"));
        long made = audit.byId().values().stream().filter(r -> !Instant.parse(r.getString("createdAt")).isBefore(loadStarted)).count();
        long implied = result.outcomes().stream().filter(OpenLoop.Outcome::madeReservation).count();
        long ambiguous = result.outcomes().stream().filter(OpenLoop.Outcome::ambiguous).count();
        if (made < implied) {
            problems.add("the load's answers say " + implied + " reservations were made, the customers have " + made + " (lost)");
        } else if (made > implied + ambiguous) {
            problems.add("the load's answers say " + implied + " reservations were made (" + ambiguous + " requests of unknown fate), the customers have "
                    + made + ": a refused or failed request made one anyway, or one was doubled");
        }
        return problems;
    }

    /**
     * Seconds from the surge's end until every following second of the load is normal: nothing shed,
     * no errors, every request accepted, accepted p99 under a second. Empty if that never happens.
     */
    static OptionalInt recoverySeconds(List<OpenLoop.Result.Second> seconds, int surgeEnd, int end) {
        for (int from = surgeEnd; from < end; from++) {
            boolean normal = true;
            for (int s = from; s < end && normal; s++) {
                OpenLoop.Result.Second second = seconds.get(s);
                normal = second.shed() == 0 && second.errors() == 0 && second.accepted() == second.arrivals() && second.p99Ms() < ACCEPTED_P99_MS;
            }
            if (normal) {
                return OptionalInt.of(from - surgeEnd);
            }
        }
        return OptionalInt.empty();
    }

    JsonObject report(String arguments, Wrk.Result ceiling, Wrk.Result sustained, double capacity, OpenLoop.Result result,
            List<OpenLoop.Result.Second> seconds, OptionalInt recovery, Map<String, ProcessSampler.Usage> usage, double cpuSeconds,
            double drainSeconds, Benchmark.Audit audit, List<String> kept, Map<String, Double> admission) {
        double sustainedRate = sustained.count(201, 202) / sustained.seconds();
        JsonObjectBuilder phases = Json.createObjectBuilder();
        for (OpenLoop.Phase phase : result.phases()) {
            phases.add(phase.name(), windowJson(phase.perSecond(), result.phase(phase.name())));
        }
        JsonArrayBuilder perSecond = Json.createArrayBuilder();
        seconds.forEach(s -> perSecond.add(Json.createObjectBuilder().add("second", s.second()).add("phase", s.phase()).add("arrivals", s.arrivals())
                .add("accepted", s.accepted()).add("shed", s.shed()).add("errors", s.errors()).add("other", s.other())
                .add("acceptedP50Ms", s.p50Ms()).add("acceptedP99Ms", s.p99Ms())));
        OpenLoop.Result.Window surge = result.phase("surge");
        OpenLoop.Result.Window all = result.all();
        double totalCpu = usage.values().stream().mapToDouble(ProcessSampler.Usage::cpuSeconds).sum();
        JsonArrayBuilder firstKept = Json.createArrayBuilder();
        kept.stream().limit(20).forEach(firstKept::add);
        return bench.common(arguments, ceiling, sustainedRate)
                .add("sustained", Benchmark.wrkJson(sustained)).add("sustainedSeconds", sustainedSeconds)
                .add("capacityPerSecond", round(capacity)).add("capacityGiven", rate.isPresent())
                .add("phases", phases)
                .add("all", windowJson(all.arrivalsPerSecond(), all))
                .add("acceptedDuringSurgeToSustained", round(surge.acceptedPerSecond() / sustainedRate))
                .add("recoverySeconds", recovery.isPresent() ? Json.createValue(recovery.getAsInt()) : jakarta.json.JsonValue.NULL)
                .add("drainSecondsAfterLoad", round(drainSeconds))
                .add("cpuPercentOfCoresDuringLoad", round(totalCpu / cpuSeconds / Runtime.getRuntime().availableProcessors() * 100))
                .add("processes", Benchmark.processesJson(usage))
                .add("kept", Json.createObjectBuilder().add("problems", kept.size()).add("first", firstKept))
                .add("admissionControl", admissionJson(admission))
                .add("audit", Benchmark.auditJson(audit))
                .add("perSecond", perSecond)
                .add("targets", Json.createObjectBuilder()
                        .add("accepted bookings' p99 < 1 s during the surge", surge.accepted() > 0 && surge.p99Ms() < ACCEPTED_P99_MS)
                        .add("every refusal a 429/503 with Retry-After", all.shedWithoutRetryAfter() == 0)
                        .add("no errors (no answer, timeouts, other 5xx)", all.errors() == 0)
                        .add("back to normal within " + RECOVERY_SECONDS + " s after the surge", recovery.isPresent() && recovery.getAsInt() <= RECOVERY_SECONDS)
                        .add("nothing lost, doubled or left HELD", kept.isEmpty())
                        .add("audit of miles, history, notifications consistent", audit.problems().isEmpty()))
                .build();
    }

    private static JsonObjectBuilder admissionJson(Map<String, Double> admission) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        admission.forEach((outcome, count) -> json.add(outcome, Math.round(count)));
        return json;
    }

    private static JsonObjectBuilder windowJson(double offered, OpenLoop.Result.Window w) {
        JsonObjectBuilder statuses = Json.createObjectBuilder();
        w.statuses().forEach(statuses::add);
        return Json.createObjectBuilder().add("offeredPerSecond", round(offered)).add("seconds", w.seconds()).add("arrivals", w.arrivals())
                .add("accepted", w.accepted()).add("acceptedPerSecond", round(w.acceptedPerSecond())).add("shed", w.shed()).add("errors", w.errors())
                .add("other", w.other()).add("notSent", w.notSent()).add("shedWithoutRetryAfter", w.shedWithoutRetryAfter())
                .add("acceptedP50Ms", w.p50Ms()).add("acceptedP90Ms", w.p90Ms()).add("acceptedP99Ms", w.p99Ms()).add("acceptedMaxMs", w.maxMs())
                .add("generatorLagP99Ms", w.sendLagP99Ms()).add("statuses", statuses);
    }

    static String markdown(JsonObject r) {
        StringBuilder md = new StringBuilder(Benchmark.heading(r, "past capacity: twice the sustained rate for " + SURGE + " s"));
        md.append(String.format(Locale.ROOT, "Sustained: **%.1f bookings/s** (closed loop, %d connections, %d s; 201 CONFIRMED and 202 HELD both "
                        + "count: a 202 is a booking accepted and paid in the background); bare Liberty `/health/live` ceiling %.0f req/s "
                        + "(**ratio %.4f**). The surge is open loop (a constant arrival rate; latency from each request's due time, so time spent "
                        + "queueing is never hidden): %.1f/s for %d s, **%.1f/s for %d s** (twice the %s %.1f/s), %.1f/s for %d s. Accepted = "
                        + "201 or 202; shed = 429 or 503 with Retry-After; errors = no answer within 10 s, a 5xx that is not a shed, a refusal "
                        + "without Retry-After.%n%n",
                r.getJsonNumber("bookingsPerSecond").doubleValue(), r.getInt("concurrency"), r.getInt("sustainedSeconds"),
                r.getJsonNumber("healthLiveCeilingPerSecond").doubleValue(), r.getJsonNumber("bookingsToCeilingRatio").doubleValue(),
                r.getJsonNumber("capacityPerSecond").doubleValue() / 2, BEFORE, r.getJsonNumber("capacityPerSecond").doubleValue() * 2, SURGE,
                r.getBoolean("capacityGiven") ? "given" : "sustained", r.getJsonNumber("capacityPerSecond").doubleValue(),
                r.getJsonNumber("capacityPerSecond").doubleValue() / 2, AFTER));
        md.append("| phase | offered /s | arrivals | accepted | accepted /s | shed | errors | other | accepted p50 ms | p90 ms | p99 ms | max ms | answers |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        JsonObject phases = r.getJsonObject("phases");
        phases.forEach((name, value) -> md.append(phaseRow(name, value.asJsonObject())));
        md.append(phaseRow("**all**", r.getJsonObject("all")));
        md.append(String.format(Locale.ROOT, "%nDuring the surge the stack accepted %.0f %% of its sustained rate and shed %d of %d requests. "
                        + "Back to normal %s after the surge. Consumers caught up %.1f s after the load. All processes used %.0f %% of the "
                        + "cores during the load.%n%n",
                r.getJsonNumber("acceptedDuringSurgeToSustained").doubleValue() * 100, phases.getJsonObject("surge").getInt("shed"),
                phases.getJsonObject("surge").getInt("arrivals"),
                r.isNull("recoverySeconds") ? "**never** within the " + AFTER + " s that followed" : r.getInt("recoverySeconds") + " s",
                r.getJsonNumber("drainSecondsAfterLoad").doubleValue(), r.getJsonNumber("cpuPercentOfCoresDuringLoad").doubleValue()));
        JsonObject admission = r.getJsonObject("admissionControl");
        md.append(admission.isEmpty() ? "Reservation reported no admission control (no `msaair_admission_requests_total`).\n\n"
                : "Reservation's admission control over the load (its own metrics): " + admission.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ".\n\n");
        JsonObject audit = r.getJsonObject("audit");
        JsonObject kept = r.getJsonObject("kept");
        md.append(String.format(Locale.ROOT, "Afterwards: %d customers, %d reservations; every accepted booking found and settled, none doubled, none "
                        + "HELD past its hold: %s; miles, history and notifications: %d problems.%n%n",
                audit.getInt("customers"), audit.getJsonNumber("reservations").longValue(),
                kept.getInt("problems") == 0 ? "yes" : "**" + kept.getInt("problems") + " problems**, first: " + kept.getJsonArray("first"),
                audit.getInt("problems")));
        md.append("| target | holds |\n|---|---|\n");
        r.getJsonObject("targets").forEach((name, value) -> md.append("| ").append(name).append(" | ")
                .append(value.equals(jakarta.json.JsonValue.TRUE) ? "yes" : "**no**").append(" |\n"));
        return md.toString();
    }

    private static String phaseRow(String name, JsonObject p) {
        return String.format(Locale.ROOT, "| %s | %.1f | %d | %d | %.1f | %d | %d | %d | %.0f | %.0f | %.0f | %.0f | %s |%n", name,
                p.getJsonNumber("offeredPerSecond").doubleValue(), p.getInt("arrivals"), p.getInt("accepted"),
                p.getJsonNumber("acceptedPerSecond").doubleValue(), p.getInt("shed"), p.getInt("errors"), p.getInt("other"),
                p.getJsonNumber("acceptedP50Ms").doubleValue(), p.getJsonNumber("acceptedP90Ms").doubleValue(),
                p.getJsonNumber("acceptedP99Ms").doubleValue(), p.getJsonNumber("acceptedMaxMs").doubleValue(),
                p.getJsonObject("statuses").toString().replace("\"", ""));
    }
}
