package com.msaair.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The alerting rules, written once as a Prometheus Operator {@code PrometheusRule}
 * (k8s/base/monitoring/prometheus-rule.yaml), as the plain rules file Prometheus and promtool read:
 * its {@code spec}, one level less indented. The local stack's Prometheus and the rules' unit tests
 * both use this, so what is tested is what is deployed.
 */
public final class AlertRules {

    private AlertRules() {}

    /** The PrometheusRule of the project. */
    public static Path source(StackLayout layout) {
        return layout.root().resolve("k8s/base/monitoring/prometheus-rule.yaml");
    }

    /** Writes the rules file made from {@code prometheusRule} to {@code target}. */
    public static Path write(Path prometheusRule, Path target) {
        try {
            List<String> lines = Files.readAllLines(prometheusRule, StandardCharsets.UTF_8);
            int spec = lines.indexOf("spec:");
            if (spec < 0) {
                throw new IllegalStateException(prometheusRule + " has no top-level spec:");
            }
            List<String> rules = new ArrayList<>();
            rules.add("# Made from " + prometheusRule.getFileName() + " (its spec); edit that file, not this one.");
            for (String line : lines.subList(spec + 1, lines.size())) {
                if (!line.isBlank() && !line.startsWith("  ")) {
                    throw new IllegalStateException(prometheusRule + ": spec must be the last top-level key");
                }
                rules.add(line.isBlank() ? "" : line.substring(2));
            }
            Files.createDirectories(target.getParent());
            Files.write(target, rules, StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the rules file from " + prometheusRule + ": " + e.getMessage(), e);
        }
    }
}
