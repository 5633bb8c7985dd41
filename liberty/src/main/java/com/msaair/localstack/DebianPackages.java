package com.msaair.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Debian packages the stack, the tests and the benchmark run (nginx for the gateway, chromium for
 * the browser tests, wrk for load, Prometheus when observing, PostgreSQL in PostgreSQL mode): installed
 * with apt when missing (as root, or through sudo). The one place the project calls apt.
 */
public final class DebianPackages {

    private static final Path PACKAGE_LISTS = Path.of("/var/lib/apt/lists");
    /**
     * Package lists younger than this are not fetched again: one run of the suites installs packages
     * at four moments, and each {@code apt-get update} costs seconds on a fresh machine.
     */
    private static final Duration LISTS_FRESH_FOR = Duration.ofHours(1);

    private DebianPackages() {}

    /** Whether {@code command} is on the PATH (or in /usr/sbin, where Debian puts daemons). */
    public static boolean has(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", command));
    }

    /** Installs {@code debianPackage} unless {@code command} is already there. */
    public static void ensure(String command, String debianPackage, String why) {
        if (!has(command)) {
            install(why, List.of(debianPackage));
        }
    }

    /**
     * Installs {@code debianPackages} with one apt-get run. One install at a time in this JVM (the stack
     * installs nginx while PostgreSQL may be installing), and another process's apt is waited for.
     */
    public static synchronized void install(String why, List<String> debianPackages) {
        if (debianPackages.isEmpty()) {
            return;
        }
        String names = String.join(" ", debianPackages);
        System.out.println("Installing " + names + " with apt (" + why + ")...");
        List<List<String>> steps = new ArrayList<>();
        if (!listsAreFresh()) {
            steps.add(List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "update", "-qq"));
        }
        List<String> install = new ArrayList<>(List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "-qq"));
        install.addAll(debianPackages);
        steps.add(install);
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            for (List<String> step : steps) {
                List<String> apt = new ArrayList<>(root ? List.of() : List.of("sudo", "-n"));
                apt.addAll(step);
                Process process = new ProcessBuilder(apt).inheritIO().start();
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("Could not install " + names + " (" + String.join(" ", apt) + " failed): install it and try again");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install " + names + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean listsAreFresh() {
        try {
            return Files.getLastModifiedTime(PACKAGE_LISTS).toInstant().isAfter(Instant.now().minus(LISTS_FRESH_FOR));
        } catch (IOException e) {
            return false;
        }
    }
}
