package com.msaair.systemtest.support;

import com.msaair.localstack.Service;

/** Reads a server's MicroProfile Metrics (Prometheus text), e.g. the fault-tolerance counters. */
public final class Metrics {

    private Metrics() {}

    /** The sum of every sample of {@code name} whose labels contain all of {@code labelParts}. */
    public static double value(Service service, String name, String... labelParts) {
        String text = Http.get(Api.url(service, "/metrics?scope=base")).body();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") && java.util.Arrays.stream(labelParts).allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
