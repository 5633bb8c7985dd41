package com.msaair.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The local stack's one entry point (nginx on {@value #PORT}): the same routes as the Kubernetes
 * HTTPRoutes (k8s/base/gateway.yaml) and a per-client rate limit. A signed-in client is its bearer
 * token, an anonymous one its address; over the limit the answer is 429 with {@code Retry-After} and a
 * problem+json body. Operator endpoints (dead letters, refused outbox rows), health and OpenAPI stay
 * on each service's own port, as they stay off the public Gateway on Kubernetes; so does the payment
 * service, which only reservation calls (on Kubernetes a NetworkPolicy says so). Everything else —
 * {@code /} and below — is the web front end ({@link WebFrontEnd}); an unknown {@code /api} path stays a
 * problem+json 404.
 */
public final class Gateway {

    public static final int PORT = 9080;
    /** Requests per second a client may make, sustained, and the burst it may make above that. */
    public static final int RATE_PER_SECOND = 20;
    public static final int BURST = 40;

    /** Path prefix → the service that owns it (the HTTPRoutes say the same). */
    static final Map<String, Service> ROUTES = routes();

    private Gateway() {}

    private static Map<String, Service> routes() {
        Map<String, Service> routes = new LinkedHashMap<>();
        routes.put("/api/schedules", Service.SCHEDULE);
        routes.put("/api/reservations", Service.RESERVATION);
        routes.put("/api/flights", Service.RESERVATION);
        routes.put("/api/customers", Service.MILEAGE);
        routes.put("/api/notifications", Service.NOTIFICATION);
        routes.put("/api/history", Service.HISTORY);
        return routes;
    }

    /**
     * Starts nginx in {@code prefix} on {@code port}, in front of the services and the web front end at
     * {@code portOffset}. The web front end is routed whether it runs in the stack or not: in
     * {@code ./msaair dev web} it runs on its own, and the gateway must still lead to it.
     */
    public static Nginx start(Path prefix, int port, int portOffset) {
        String locations = ROUTES.entrySet().stream().map(route -> String.join("\n",
                        "    location " + route.getKey() + " {",
                        "      proxy_pass http://127.0.0.1:" + (route.getValue().port() + portOffset) + ";",
                        "    }"))
                .collect(Collectors.joining("\n"));
        String http = String.join("\n",
                // An anonymous client is its address; a signed-in one its token (an empty key is not counted).
                "  map $http_authorization $anonymous_client { \"\" $binary_remote_addr; default \"\"; }",
                "  map $http_authorization $signed_in_client { \"\" \"\"; default $http_authorization; }",
                "  limit_req_zone $anonymous_client zone=anonymous:10m rate=" + RATE_PER_SECOND + "r/s;",
                "  limit_req_zone $signed_in_client zone=signed_in:10m rate=" + RATE_PER_SECOND + "r/s;",
                "  limit_req_status 429;",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    limit_req zone=anonymous burst=" + BURST + " nodelay;",
                "    limit_req zone=signed_in burst=" + BURST + " nodelay;",
                "    proxy_http_version 1.1;",
                "    proxy_set_header Connection \"\";",
                "    proxy_set_header Host $http_host;",
                "    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
                "    proxy_connect_timeout 2s;",
                "    proxy_read_timeout 30s;",
                "    error_page 429 = @rate_limited;",
                "    location @rate_limited {",
                "      add_header Retry-After 1 always;",
                "      default_type application/problem+json;",
                "      return 429 '{\"type\":\"urn:problem:msaair:rate-limited\",\"title\":\"Too Many Requests\",\"status\":429,"
                        + "\"detail\":\"More than " + RATE_PER_SECOND + " requests per second from this client; try again in a second\"}';",
                "    }",
                locations,
                "    location /api/ {",
                "      default_type application/problem+json;",
                "      return 404 '{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such resource\"}';",
                "    }",
                webLocation(portOffset),
                "  }");
        return Nginx.start(prefix, port, http);
    }

    /**
     * The web front end at {@code /}: the Host header passes on (the sign-in's redirect address is this
     * gateway's), and the live board's server-sent events pass through unbuffered and may stay quiet
     * longer than an API call (the web server sends a comment line every 15 s).
     */
    private static String webLocation(int portOffset) {
        return String.join("\n",
                "    location / {",
                "      proxy_pass http://127.0.0.1:" + (WebFrontEnd.PORT + portOffset) + ";",
                "      proxy_buffering off;",
                "      proxy_read_timeout 60s;",
                "    }");
    }
}
