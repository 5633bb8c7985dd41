package com.msaair.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * nginx (Debian's package) as a process of the stack: its configuration written into {@code prefix},
 * in the foreground, its logs beside the configuration. The local gateway and the rolling-update
 * rehearsal both run it this way; each supplies what goes inside {@code http { }}.
 */
public final class Nginx {

    private final ManagedProcess process;

    private Nginx(ManagedProcess process) {
        this.process = process;
    }

    /** Whether nginx is installed (./msaair and .ci/run install it with apt when it is not). */
    public static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "nginx"))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin/nginx"));
    }

    /**
     * Installs Debian's nginx with apt when it is missing (as root, or through sudo), as the stack's
     * scripts do for the other packages they need.
     */
    public static void ensureInstalled() {
        if (installed()) {
            return;
        }
        System.out.println("Installing nginx with apt (the local gateway runs it)...");
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> prefix = root ? List.of() : List.of("sudo", "-n");
        try {
            for (List<String> step : List.of(List.of("apt-get", "update", "-qq"), List.of("apt-get", "install", "-y", "-qq", "nginx"))) {
                List<String> command = new java.util.ArrayList<>(prefix);
                command.addAll(step);
                Process apt = new ProcessBuilder(command).inheritIO().start();
                if (apt.waitFor() != 0) {
                    throw new IllegalStateException("Could not install nginx (" + String.join(" ", command) + " failed): install it and try again");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install nginx: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes the configuration, starts nginx and returns once it listens on {@code port}. */
    public static Nginx start(Path prefix, int port, String http) {
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("Port " + port + " for nginx is already in use" + LibertyServer.describeHolder(port));
        }
        String config = String.join("\n",
                "# Written by the MSA Air local stack at every start.",
                "daemon off;",
                "worker_processes 1;",
                "pid " + prefix.resolve("nginx.pid") + ";",
                "error_log " + prefix.resolve("logs/error.log") + " warn;",
                "events { worker_connections 1024; }",
                "http {",
                "  access_log off;",
                "  client_body_temp_path " + prefix.resolve("body") + ";",
                "  proxy_temp_path " + prefix.resolve("proxy") + ";",
                "  fastcgi_temp_path " + prefix.resolve("fastcgi") + ";",
                "  uwsgi_temp_path " + prefix.resolve("uwsgi") + ";",
                "  scgi_temp_path " + prefix.resolve("scgi") + ";",
                http,
                "}",
                "");
        Path file = prefix.resolve("nginx.conf");
        try {
            Files.createDirectories(prefix.resolve("logs"));
            Files.writeString(file, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String binary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        ManagedProcess nginx = ManagedProcess.launch("nginx", List.of(binary, "-p", prefix.toString(), "-c", file.toString()), Map.of(),
                prefix, prefix.resolve("logs/console.log"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Ports.isListening(port)) {
            if (!nginx.isAlive() || System.nanoTime() > deadline) {
                nginx.kill();
                throw new IllegalStateException("nginx did not start:\n" + nginx.tail(20));
            }
            KafkaBroker.sleep(100);
        }
        return new Nginx(nginx);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public void stop() {
        process.stop(Duration.ofSeconds(10));
    }

    public void kill() {
        process.kill();
    }
}
