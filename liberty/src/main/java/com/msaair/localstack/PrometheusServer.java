package com.msaair.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prometheus for the local stack ({@code ./msaair up --observe}): Debian's package, installed with
 * apt when missing, scraping every server's /metrics every 5 s with the alerting rules of
 * k8s/base/monitoring/prometheus-rule.yaml loaded, its UI on 127.0.0.1:9090. Its data lives in the
 * stack's data folder, kept for a day.
 */
public final class PrometheusServer {

    public static final int PORT = 9090;

    private final ManagedProcess process;
    private final int port;

    private PrometheusServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static PrometheusServer start(StackLayout layout, LocalStack stack, int port, Duration timeout) {
        DebianPackages.ensure("prometheus", "prometheus", "./msaair up --observe runs it");
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("Port " + port + " for Prometheus is already in use" + LibertyServer.describeHolder(port));
        }
        Path home = layout.data().resolve("prometheus");
        Path rules = AlertRules.write(AlertRules.source(layout), home.resolve("alerts.rules.yml"));
        Path config = home.resolve("prometheus.yml");
        List<String> lines = new ArrayList<>(List.of(
                "# Written by the MSA Air local stack at every start (./msaair up --observe).",
                "global:",
                "  scrape_interval: 5s",
                "  evaluation_interval: 15s",
                "rule_files:",
                "  - " + rules.getFileName(),
                "scrape_configs:"));
        for (LibertyServer server : stack.allServers()) {
            lines.add("  - job_name: " + server.label());
            lines.add("    metrics_path: /metrics");
            lines.add("    static_configs:");
            lines.add("      - targets: ['localhost:" + server.port() + "']");
            lines.add("        labels: {service: " + server.serverName() + "}");
        }
        try {
            Files.createDirectories(home);
            Files.write(config, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + config + ": " + e.getMessage(), e);
        }
        ManagedProcess process = ManagedProcess.launch("prometheus", List.of("prometheus",
                        "--config.file=" + config, "--storage.tsdb.path=" + home.resolve("tsdb"), "--storage.tsdb.retention.time=1d",
                        "--web.listen-address=127.0.0.1:" + port),
                Map.of(), home, home.resolve("prometheus.log"));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Ports.isListening(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited while starting:\n" + process.tail(20));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Prometheus did not listen within " + timeout.toSeconds() + " s:\n" + process.tail(20));
            }
            KafkaBroker.sleep(200);
        }
        return new PrometheusServer(process, port);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public void stop() {
        process.stop(Duration.ofSeconds(20));
    }
}
