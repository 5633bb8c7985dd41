package com.msaair.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The benchmark's command line: {@code --name value} pairs. Anything it does not know, a value that is
 * not a number where one is needed, or an option of another mode stops the run before the stack
 * starts: a typo must not quietly give a run of the defaults.
 */
final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || args[i].length() < 3) {
                throw new IllegalArgumentException("Expected an option (--name value), not \"" + args[i] + "\"");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            if (values.put(args[i].substring(2), args[i + 1]) != null) {
                throw new IllegalArgumentException(args[i] + " is given twice");
            }
        }
        return new Options(values);
    }

    /** Refuses every option not in {@code allowed}, naming the ones that are. */
    void allowOnly(Set<String> allowed, String context) {
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("--" + name + " is not an option of " + context + "; its options: --"
                        + String.join(", --", new TreeSet<>(allowed)));
            }
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    /** A whole number of at least 1. */
    int positive(String name, int otherwise) {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new IllegalArgumentException("--" + name + " must be at least 1, not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not \"" + value + "\"");
        }
    }

    /** A rate per second, more than 0. */
    Optional<Double> rate(String name) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(rate(name, value));
    }

    /** Two rates, low then high: "10,30". */
    Optional<double[]> rates(String name) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--" + name + " is two rates, low and high, e.g. 10,30; not \"" + value + "\"");
        }
        double low = rate(name, parts[0]);
        double high = rate(name, parts[1]);
        if (high < low * 1.5) {
            throw new IllegalArgumentException("--" + name + ": the high rate must be at least 1.5 times the low one, or the difference "
                    + "the marginal cost is read from drowns in noise; not " + value);
        }
        return Optional.of(new double[] {low, high});
    }

    private static double rate(String name, String value) {
        try {
            double rate = Double.parseDouble(value.trim());
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("--" + name + " must be a rate above 0, not " + value);
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number of bookings per second, not \"" + value + "\"");
        }
    }
}
