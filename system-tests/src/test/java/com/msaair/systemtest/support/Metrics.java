package com.msaair.systemtest.support;

import com.msaair.localstack.Service;

/** Reads a server's MicroProfile Metrics (Prometheus text), e.g. the fault-tolerance counters. */
public final class Metrics {

    private Metrics() {}

    /** The sum of every sample of {@code name} whose labels contain all of {@code labelParts}. */
    public static double value(Service service, String name, String... labelParts) {
        return sum(service, "base", name, labelParts);
    }

    /** The same of the application's own metrics (msaair_*). */
    public static double application(Service service, String name, String... labelParts) {
        return sum(service, "application", name, labelParts);
    }

    private static double sum(Service service, String scope, String name, String... labelParts) {
        String text = Http.get(Api.url(service, "/metrics?scope=" + scope)).body();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") && java.util.Arrays.stream(labelParts).allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
