package com.msaair.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.StackLayout;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each mode's section is written once, at the end of a run of a quarter of an hour: made here from
 * made-up measurements, so that a missing figure or a bad format fails a unit test and not the run.
 */
class SectionsTest {

    @TempDir
    Path root;

    private Benchmark bench(String... args) {
        Benchmark bench = new Benchmark(Options.parse(args), new StackLayout(root, root.resolve("data")));
        bench.startSeconds = 90;
        bench.warmupBookings = 4000;
        return bench;
    }

    private static final Wrk.Result CEILING = new Wrk.Result("health", 45_000, 15, 0, 400, 900, 1500, 9000, Map.of("200", 45_000));
    private static final Wrk.Result SUSTAINED = new Wrk.Result("sustained", 1500, 30, 0, 300_000, 500_000, 700_000, 900_000,
            Map.of("201", 1450, "202", 50));

    private static Map<String, ProcessSampler.Usage> usage(double cpuSecondsEach) {
        Map<String, ProcessSampler.Usage> usage = new LinkedHashMap<>();
        for (String process : List.of("kafka", "keycloak", "gateway (all processes)", "reservation", "payment")) {
            usage.put(process, new ProcessSampler.Usage(500, 480, cpuSecondsEach));
        }
        return usage;
    }

    private static Benchmark.Audit audit() {
        return new Benchmark.Audit(1000, 5000, 300, List.of(), Map.of());
    }

    /** A load answering every request due in its first {@code acceptedShare} of each second, shedding the rest. */
    private static OpenLoop.Result load(List<OpenLoop.Phase> phases, double shedShare) {
        List<OpenLoop.Outcome> outcomes = new ArrayList<>();
        long offset = 0;
        long id = 1;
        for (OpenLoop.Phase phase : phases) {
            long requests = Math.round(phase.perSecond() * phase.seconds());
            for (long i = 0; i < requests; i++) {
                long due = offset + (long) (i * 1e9 / phase.perSecond());
                boolean shed = phase.name().equals("surge") && i % 100 < shedShare * 100;
                outcomes.add(shed ? new OpenLoop.Outcome(due, 503, 2_000_000, 100_000, true, 0, null)
                        : new OpenLoop.Outcome(due, 201, 250_000_000, 100_000, false, id++, "CONFIRMED"));
            }
            offset += phase.seconds() * 1_000_000_000L;
        }
        return new OpenLoop.Result(phases, outcomes);
    }

    @Test
    void theStandardSection() {
        Benchmark bench = bench("--duration", "60");
        List<Wrk.Result> results = List.of(new Wrk.Result("book", 2400, 60, 0, 300_000, 600_000, 800_000, 1_200_000, Map.of("201", 2390, "202", 10)),
                new Wrk.Result("cancel", 300, 60, 0, 50_000, 90_000, 120_000, 200_000, Map.of("200", 300)));
        JsonObject result = bench.report("--duration 60", CEILING, results, List.of(0.3, 0.4, 0.9), usage(20), 4.2, audit());
        String md = Benchmark.markdown(result);
        assertThat(result.getJsonNumber("bookingsPerSecond").doubleValue()).as("201 and 202 both count").isEqualTo(40);
        assertThat(md).contains("**40 bookings/s**").contains("ratio 0.013").contains("CPU of all processes per booking, on average: 41.6 ms")
                .contains("| book | 2400 |").contains("| gateway (all processes) |");
    }

    @Test
    void theCostSection() {
        Benchmark bench = bench("--mode", "cost", "--warmup", "120", "--duration", "60");
        List<OpenLoop.Phase> phases = List.of(new OpenLoop.Phase("settle", 10, 15), new OpenLoop.Phase("window", 10, 60), new OpenLoop.Phase("tail", 10, 2));
        CostMode.Level low = new CostMode.Level(10, load(phases, 0).phase("window"), usage(6), 60);
        List<OpenLoop.Phase> faster = List.of(new OpenLoop.Phase("settle", 30, 15), new OpenLoop.Phase("window", 30, 60), new OpenLoop.Phase("tail", 30, 2));
        CostMode.Level high = new CostMode.Level(30, load(faster, 0).phase("window"), usage(12), 60);
        List<Wrk.Result> side = List.of(new Wrk.Result("cancel", 600, 77, 0, 50_000, 90_000, 120_000, 200_000, Map.of("200", 600)));
        JsonObject result = bench.costMode.report("--mode cost", CEILING, SUSTAINED, usage(0.06), 30, side, usage(3), 60, low, high, audit());
        // Five processes, each 12 − 6 CPU-s over 60 s more at 20 bookings/s more: 5 × 0.1 / 20 = 25 ms per booking.
        assertThat(result.getJsonNumber("marginalCpuPerBookingMs").doubleValue()).isEqualTo(25);
        assertThat(result.getJsonNumber("idlePercentOfCore").doubleValue()).isEqualTo(1);
        String md = CostMode.markdown(result);
        assertThat(md).contains("**Marginal CPU per booking: 25.0 ms**").contains("= **37.5 bare `/health/live` requests**")
                .contains("**Idle: 1.0 % of one core**").contains("| **all** |").contains("idle CPU ≤ 3 % of one core holds")
                .contains("marginal CPU per booking ≤ 25 bare requests **does not hold**");
    }

    @Test
    void theSurgeSectionAndItsPicture() throws Exception {
        Benchmark bench = bench("--mode", "surge", "--warmup", "120");
        List<OpenLoop.Phase> phases = List.of(new OpenLoop.Phase("before", 25, SurgeMode.BEFORE), new OpenLoop.Phase("surge", 100, SurgeMode.SURGE),
                new OpenLoop.Phase("after", 25, SurgeMode.AFTER));
        OpenLoop.Result result = load(phases, 0.5);
        List<OpenLoop.Result.Second> seconds = result.perSecond();
        JsonObject report = bench.surgeMode.report("--mode surge", CEILING, SUSTAINED, 50, result, seconds,
                SurgeMode.recoverySeconds(seconds, SurgeMode.BEFORE + SurgeMode.SURGE, SurgeMode.BEFORE + SurgeMode.SURGE + SurgeMode.AFTER),
                usage(50), 100, 3.5, audit(), List.of(), new java.util.TreeMap<>(Map.of("admitted", 4000.0, "shed_queue_full", 2900.0, "shed_wait", 100.0)));
        String md = SurgeMode.markdown(report);
        assertThat(md).contains("past capacity").contains("| surge | 100.0 | 6000 | 3000 | 50.0 | 3000 | 0 | 0 |")
                .contains("Back to normal 0 s after the surge").contains("admitted 4000, shed_queue_full 2900, shed_wait 100").contains("| accepted bookings' p99 < 1 s during the surge | yes |");
        Path png = root.resolve("docs/benchmarks/surge.png");
        SurgeChart.draw(seconds, List.of(new double[] {-1, 5}, new double[] {10, 40}, new double[] {12, 0}), SurgeMode.BEFORE,
                SurgeMode.BEFORE + SurgeMode.SURGE, png, "a surge");
        assertThat(Files.size(png)).isPositive();
    }
}
