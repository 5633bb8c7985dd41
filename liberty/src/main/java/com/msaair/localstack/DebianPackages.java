package com.msaair.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Debian packages the stack runs (nginx for the gateway, Prometheus when observing, PostgreSQL in
 * PostgreSQL mode): installed
 * with apt when missing (as root, or through sudo), as the project's scripts do for wrk.
 */
public final class DebianPackages {

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
            install(debianPackage, why);
        }
    }

    /** Installs {@code debianPackage} with apt-get. */
    public static void install(String debianPackage, String why) {
        System.out.println("Installing " + debianPackage + " with apt (" + why + ")...");
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> prefix = root ? List.of() : List.of("sudo", "-n");
        try {
            for (List<String> step : List.of(List.of("apt-get", "update", "-qq"), List.of("apt-get", "install", "-y", "-qq", debianPackage))) {
                List<String> apt = new ArrayList<>(prefix);
                apt.addAll(step);
                Process process = new ProcessBuilder(apt).inheritIO().start();
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("Could not install " + debianPackage + " (" + String.join(" ", apt) + " failed): install it and try again");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install " + debianPackage + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
