package com.msaair.bench;

import com.msaair.localstack.DebianPackages;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of wrk with one of the benchmark's Lua scripts; its result is the script's BENCH_RESULT line. */
final class Wrk {

    /** What a wrk run measured; latencies in microseconds. */
    record Result(String name, long requests, double seconds, long socketErrors, long p50, long p95, long p99, long max,
            Map<String, Integer> statuses) {

        double perSecond() {
            return requests / seconds;
        }

        int count(int fromStatus, int toStatus) {
            return statuses.entrySet().stream()
                    .filter(e -> Integer.parseInt(e.getKey()) >= fromStatus && Integer.parseInt(e.getKey()) <= toStatus)
                    .mapToInt(Map.Entry::getValue).sum();
        }
    }

    private final String name;
    private final Process process;
    private final Path output;

    private Wrk(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    /** Starts wrk against {@code url}; {@code script} is a resource under wrk/, with BENCH_* placeholders replaced. */
    static Wrk start(String name, String url, int threads, int connections, int seconds, String script, Map<String, String> values, Path workDir) {
        DebianPackages.ensure("wrk", "wrk", "the benchmark's load generator");
        try {
            Files.createDirectories(workDir);
            String lua = resource("common.lua") + "\n" + resource(script);
            for (Map.Entry<String, String> value : values.entrySet()) {
                lua = lua.replace(value.getKey(), value.getValue());
            }
            Path file = workDir.resolve(name + ".lua");
            Files.writeString(file, lua);
            Path output = workDir.resolve(name + ".out");
            List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                    "--timeout", "10s", "-s", file.toString(), url));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            return new Wrk(name, process, output);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start wrk (is it installed?): " + e.getMessage(), e);
        }
    }

    /** Whether wrk is still sending. */
    boolean isRunning() {
        return process.isAlive();
    }

    /** Ends the load now: wrk takes SIGINT as the end of its duration and prints its result as usual. */
    Result stop() {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return await();
    }

    Result await() {
        try {
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk " + name + " did not finish");
            }
            String text = Files.readString(output);
            int at = text.indexOf("BENCH_RESULT ");
            if (at < 0) {
                throw new IllegalStateException("wrk " + name + " printed no result:\n" + text);
            }
            String line = text.substring(at + "BENCH_RESULT ".length()).lines().findFirst().orElseThrow();
            JsonObject json = Json.createReader(new StringReader(line)).readObject();
            Map<String, Integer> statuses = new java.util.TreeMap<>();
            json.getJsonObject("statuses").forEach((code, n) -> statuses.put(code, ((jakarta.json.JsonNumber) n).intValue()));
            return new Result(name, json.getJsonNumber("requests").longValue(), json.getJsonNumber("durationUs").longValue() / 1e6,
                    json.getJsonNumber("socketErrors").longValue(), json.getJsonNumber("p50").longValue(),
                    json.getJsonNumber("p95").longValue(), json.getJsonNumber("p99").longValue(), json.getJsonNumber("max").longValue(), statuses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Wrk.class.getResourceAsStream("/wrk/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
