package com.msaair.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The local stack's one entry point (nginx on {@value #PORT}): the same routes as the Kubernetes
 * HTTPRoutes (k8s/base/gateway.yaml) and a per-client rate limit. A signed-in client is its bearer
 * token, an anonymous one its address; over the limit the answer is 429 with {@code Retry-After} and a
 * problem+json body. Operator endpoints (dead letters, refused outbox rows), health and OpenAPI stay
 * on each service's own port, as they stay off the public Gateway on Kubernetes. Payments are routed
 * for reading only: a customer reads their own here, and any other method is refused at the gateway
 * (405, problem+json) — the charge is reservation's alone, as itself, on payment's own port.
 */
public final class Gateway {

    public static final int PORT = 9080;
    /** Requests per second a client may make, sustained, and the burst it may make above that. */
    public static final int RATE_PER_SECOND = 20;
    public static final int BURST = 40;

    /** Path prefix → the service that owns it (the HTTPRoutes say the same). */
    static final Map<String, Service> ROUTES = routes();
    /** Routes that only GET (and HEAD) reach; the HTTPRoute matches only GET. */
    static final Set<String> READ_ONLY = Set.of("/api/payments");

    private Gateway() {}

    private static Map<String, Service> routes() {
        Map<String, Service> routes = new LinkedHashMap<>();
        routes.put("/api/schedules", Service.SCHEDULE);
        routes.put("/api/reservations", Service.RESERVATION);
        routes.put("/api/flights", Service.RESERVATION);
        routes.put("/api/customers", Service.MILEAGE);
        routes.put("/api/notifications", Service.NOTIFICATION);
        routes.put("/api/history", Service.HISTORY);
        routes.put("/api/payments", Service.PAYMENT);
        return routes;
    }

    /**
     * Any method but GET and HEAD answered by the gateway itself: 405 with {@code Allow} and problem+json.
     * A {@code return} inside {@code if} (the one safe use of it), not {@code error_page}: a location that
     * declares its own error pages loses the server's (the 429's).
     */
    private static String readOnly() {
        return String.join("\n",
                "      default_type application/problem+json;",
                "      if ($request_method !~ ^(GET|HEAD)$ ) {",
                "        add_header Allow \"GET, HEAD\" always;",
                "        return 405 '{\"type\":\"about:blank\",\"title\":\"Method Not Allowed\",\"status\":405,"
                        + "\"detail\":\"Only GET reaches this resource through the gateway\"}';",
                "      }");
    }

    /** Starts nginx in {@code prefix} on {@code port}, in front of the services at {@code portOffset}. */
    public static Nginx start(Path prefix, int port, int portOffset) {
        String locations = ROUTES.entrySet().stream().map(route -> String.join("\n",
                        "    location " + route.getKey() + " {",
                        READ_ONLY.contains(route.getKey()) ? readOnly() : "",
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
                "    location / {",
                "      default_type application/problem+json;",
                "      return 404 '{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such resource\"}';",
                "    }",
                "  }");
        return Nginx.start(prefix, port, http);
    }
}
