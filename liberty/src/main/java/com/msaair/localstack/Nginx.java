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
        return DebianPackages.has("nginx");
    }

    /** Installs Debian's nginx with apt when it is missing. */
    public static void ensureInstalled() {
        DebianPackages.ensure("nginx", "nginx", "the local gateway runs it");
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
