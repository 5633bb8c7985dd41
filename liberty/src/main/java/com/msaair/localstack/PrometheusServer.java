package com.msaair.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Prometheus for the local stack ({@code ./msaair up --observe}): Debian's package, installed with
 * apt when missing, scraping every server's /metrics every 5 s with the alerting rules of
 * k8s/base/monitoring/prometheus-rule.yaml loaded, its UI on 127.0.0.1:9090. Its data lives in the
 * stack's data folder, kept for a day.
 */
public final class PrometheusServer extends StackProcess {

    public static final int PORT = 9090;

    private final StackLayout layout;
    private final List<LibertyServer> targets;

    /** Prometheus scraping {@code targets}. */
    public PrometheusServer(StackLayout layout, List<LibertyServer> targets, int port) {
        super("Prometheus", layout.data().resolve("prometheus"), "prometheus.log", Duration.ofSeconds(20), port);
        this.layout = layout;
        this.targets = List.copyOf(targets);
    }

    private Path config() {
        return folder().resolve("prometheus.yml");
    }

    @Override
    protected void prepare() {
        DebianPackages.ensure("prometheus", "prometheus", "./msaair up --observe runs it");
        Path rules = AlertRules.write(AlertRules.source(layout), folder().resolve("alerts.rules.yml"));
        List<String> lines = new ArrayList<>(List.of(
                "# Written by the MSA Air local stack at every start (./msaair up --observe).",
                "global:",
                "  scrape_interval: 5s",
                "  evaluation_interval: 15s",
                "rule_files:",
                "  - " + rules.getFileName(),
                "scrape_configs:"));
        for (LibertyServer server : targets) {
            lines.add("  - job_name: " + server.label());
            lines.add("    metrics_path: /metrics");
            lines.add("    static_configs:");
            lines.add("      - targets: ['localhost:" + server.port() + "']");
            lines.add("        labels: {service: " + server.serverName() + "}");
        }
        lines.add("");
        write(config(), String.join("\n", lines));
    }

    @Override
    protected List<String> commandLine() {
        return List.of("prometheus", "--config.file=" + config(), "--storage.tsdb.path=" + folder().resolve("tsdb"),
                "--storage.tsdb.retention.time=1d", "--web.listen-address=127.0.0.1:" + port());
    }

    public String url() {
        return "http://localhost:" + port();
    }
}
