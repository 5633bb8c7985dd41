package com.msaair.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * nginx (Debian's package) as a process of the stack: its configuration written into {@code prefix},
 * in the foreground, its logs beside the configuration. The local gateway and the rolling-update
 * rehearsal both run it this way; each supplies what goes inside {@code http { }}.
 *
 * <p>It never writes a request or an answer to disk. Started by root, nginx's workers run as
 * {@code nobody}, and they could not create the body's temporary file under a data folder only root may
 * enter (a {@code mktemp -d} folder, root's home): a booking of 20,000 characters was answered 500. So a
 * body is kept in memory up to {@link #MAX_BODY_BYTES} and a bigger one refused (413), and an answer
 * too big for the proxy buffers is passed on as it comes instead of spooled, whoever runs the stack and
 * wherever its data lives.
 */
public final class Nginx extends StackProcess {

    /** The largest request body: the services' own limit (platform's BodySizeLimit, msaair.http.max-body-bytes). */
    public static final int MAX_BODY_BYTES = 65_536;

    private final String http;

    private Nginx(Path prefix, int port, String http) {
        super("nginx", prefix, "logs/console.log", Duration.ofSeconds(10), port);
        this.http = http;
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
        Nginx nginx = new Nginx(prefix, port, http);
        nginx.start(Duration.ofSeconds(20));
        return nginx;
    }

    @Override
    protected void prepare() {
        write(configFile(), config(folder(), http));
    }

    @Override
    protected List<String> commandLine() {
        String binary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        return List.of(binary, "-p", folder().toString(), "-c", configFile().toString());
    }

    private Path configFile() {
        return folder().resolve("nginx.conf");
    }

    /** The whole configuration, {@code http} inside its {@code http { }}. */
    static String config(Path prefix, String http) {
        return String.join("\n",
                "# Written by the MSA Air local stack at every start.",
                "daemon off;",
                "worker_processes 1;",
                "pid " + prefix.resolve("nginx.pid") + ";",
                "error_log " + prefix.resolve("logs/error.log") + " warn;",
                "events { worker_connections 1024; }",
                "http {",
                "  access_log off;",
                // Nothing is spooled (see above): a body the limit admits fits the buffer, an answer streams.
                "  client_max_body_size " + MAX_BODY_BYTES + ";",
                "  client_body_buffer_size " + MAX_BODY_BYTES + ";",
                "  proxy_max_temp_file_size 0;",
                // nginx wants these folders to exist (its compiled-in ones are root's); nothing is written there.
                "  client_body_temp_path " + prefix.resolve("body") + ";",
                "  proxy_temp_path " + prefix.resolve("proxy") + ";",
                "  fastcgi_temp_path " + prefix.resolve("fastcgi") + ";",
                "  uwsgi_temp_path " + prefix.resolve("uwsgi") + ";",
                "  scgi_temp_path " + prefix.resolve("scgi") + ";",
                http,
                "}",
                "");
    }
}
