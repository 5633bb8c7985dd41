package com.msaair.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The local stack's one entry point (nginx on {@value #PORT}): the same routes as the Kubernetes
 * HTTPRoutes (k8s/base/gateway.yaml) and the same rate limits as its BackendTrafficPolicy: per bearer
 * token and per address; over a limit the answer is 429 with {@code Retry-After} and a problem+json
 * body. Bookings in flight to reservation are bounded too ({@link #BOOKINGS_IN_FLIGHT}; past it, 503
 * with {@code Retry-After}). Operator endpoints (dead letters, refused outbox rows), health and OpenAPI stay on each
 * service's own port, as they stay off the public Gateway on Kubernetes. Payments are routed for
 * reading only: a customer reads their own here, and any other method is refused at the gateway
 * (405, problem+json) — the charge is reservation's alone, as itself, on payment's own port. Everything
 * else — {@code /} and below — is the web front end ({@link WebFrontEnd}); an unknown {@code /api} path
 * stays a problem+json 404.
 */
public final class Gateway {

    public static final int PORT = 9080;
    /**
     * The gRPC entry (reservation's booking API, docs/grpc.md): HTTP/2 without TLS, which nginx 1.22 speaks
     * on a port of its own only (a cleartext {@code http2} listener takes no HTTP/1.1), so REST stays on
     * {@value #PORT} as it is.
     */
    public static final int GRPC_PORT = 9088;
    /**
     * The gRPC services routed to reservation, each a path prefix ({@code /<service>/<method>}); the
     * GRPCRoute on Kubernetes routes the same. Health and reflection stay on the service's own port, as
     * REST's /health and /openapi do.
     */
    public static final java.util.List<String> GRPC_SERVICES = java.util.List.of("msaair.booking.v1.BookingService");
    /**
     * Requests per second one bearer token may make, and one address whatever it sends — Kubernetes'
     * numbers (k8s/base/gateway.yaml). The address is what makes made-up tokens buy nothing: counted by
     * token alone, each invented {@code Authorization} value was a fresh client. Each may go a second's
     * worth over at once (nginx's burst), as a one-second window of Envoy's rate limit lets it.
     */
    public static final int RATE_PER_TOKEN = 20;
    public static final int RATE_PER_ADDRESS = 200;
    /**
     * Bookings reservation is given at once, whoever makes them (REST and gRPC together; the Kubernetes
     * BackendTrafficPolicy's {@code maxParallelRequests} on the booking rule). One more is refused at
     * once — 503 with {@code Retry-After} — instead of waiting: past capacity, a queue in front of the
     * servers is where every booking's latency went (docs/architecture.md, "Past capacity: admission control").
     * At this many in flight a 2-core stack books as fast as it can (docs/benchmarks.md, --mode surge).
     */
    public static final int BOOKINGS_IN_FLIGHT = 8;

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

    /**
     * Starts nginx in {@code prefix} on {@code port}, in front of the services and the web front end at
     * {@code portOffset}. The web front end is routed whether it runs in the stack or not: in
     * {@code ./msaair dev web} it runs on its own, and the gateway must still lead to it.
     */
    public static Nginx start(Path prefix, int port, int portOffset) {
        return Nginx.start(prefix, port, http(port, portOffset));
    }

    /** What goes inside nginx's {@code http { }}: the REST entry on {@code port}, the gRPC entry on {@value #GRPC_PORT} + {@code portOffset}. */
    static String http(int port, int portOffset) {
        return rest(port, portOffset) + "\n" + grpc(GRPC_PORT + portOffset, portOffset);
    }

    /** To the service that owns {@code path} in {@link #ROUTES}. */
    private static String proxyPass(String path, int portOffset) {
        return "      proxy_pass http://127.0.0.1:" + (ROUTES.get(path).port() + portOffset) + ";";
    }

    private static String rest(int port, int portOffset) {
        String locations = ROUTES.entrySet().stream().map(route -> String.join("\n",
                        "    location " + route.getKey() + " {",
                        READ_ONLY.contains(route.getKey()) ? readOnly() : "",
                        proxyPass(route.getKey(), portOffset),
                        "    }"))
                .collect(Collectors.joining("\n"));
        String booking = String.join("\n",
                "    location = /api/reservations {",
                "      limit_conn bookings " + BOOKINGS_IN_FLIGHT + ";",
                proxyPass("/api/reservations", portOffset),
                "    }");
        return String.join("\n",
                // A booking is a POST to one address (REST) or one method (gRPC); only those are counted, in one zone.
                "  map $request_method$uri $booking {",
                "    POST/api/reservations booking;",
                "    POST/msaair.booking.v1.BookingService/Book booking;",
                "    default \"\";",
                "  }",
                "  limit_conn_zone $booking zone=bookings:1m;",
                "  limit_conn_status 503;",
                // Every address, and every token besides (a request without one is counted by its address only).
                "  limit_req_zone $binary_remote_addr zone=per_address:10m rate=" + RATE_PER_ADDRESS + "r/s;",
                "  limit_req_zone $http_authorization zone=per_token:10m rate=" + RATE_PER_TOKEN + "r/s;",
                "  limit_req_status 429;",
                // Only the gateway's own names, as the HTTPRoutes answer only api.msaair.example: a page whose
                // name was made to resolve to 127.0.0.1 (DNS rebinding) is not served by the local stack.
                "  server {",
                "    listen 127.0.0.1:" + port + " default_server;",
                "    default_type application/problem+json;",
                "    return 421 '{\"type\":\"about:blank\",\"title\":\"Misdirected Request\",\"status\":421,"
                        + "\"detail\":\"This gateway serves localhost and 127.0.0.1 only\"}';",
                "  }",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    server_name localhost 127.0.0.1;",
                "    limit_req zone=per_address burst=" + RATE_PER_ADDRESS + " nodelay;",
                "    limit_req zone=per_token burst=" + RATE_PER_TOKEN + " nodelay;",
                "    proxy_http_version 1.1;",
                "    proxy_set_header Connection \"\";",
                // The name the client used (one of server_name's) and the gateway's port; the services answer
                // path-only Locations, so no header of the client's becomes a link anyway.
                "    proxy_set_header Host $host:$server_port;",
                "    proxy_set_header X-Forwarded-For $remote_addr;",
                "    proxy_connect_timeout 2s;",
                "    proxy_read_timeout 30s;",
                "    error_page 503 = @overloaded;",
                "    location @overloaded {",
                "      add_header Retry-After 1 always;",
                "      default_type application/problem+json;",
                "      return 503 '{\"type\":\"urn:problem:msaair:overloaded\",\"title\":\"Service Unavailable\",\"status\":503,"
                        + "\"detail\":\"As many bookings as the service can make at once are being made; try again in a second\"}';",
                "    }",
                "    error_page 429 = @rate_limited;",
                "    location @rate_limited {",
                "      add_header Retry-After 1 always;",
                "      default_type application/problem+json;",
                "      return 429 '{\"type\":\"urn:problem:msaair:rate-limited\",\"title\":\"Too Many Requests\",\"status\":429,"
                        + "\"detail\":\"More than " + RATE_PER_TOKEN + " requests per second with this token, or " + RATE_PER_ADDRESS
                        + " from this address; try again in a second\"}';",
                "    }",
                // Bigger than any body of this API (Nginx.MAX_BODY_BYTES, the services' own limit): refused here, never spooled.
                "    error_page 413 = @too_large;",
                "    location @too_large {",
                "      default_type application/problem+json;",
                "      return 413 '{\"type\":\"about:blank\",\"title\":\"Request Entity Too Large\",\"status\":413,"
                        + "\"detail\":\"The request body is too large\"}';",
                "    }",
                booking,
                locations,
                "    location /api/ {",
                "      default_type application/problem+json;",
                "      return 404 '{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such resource\"}';",
                "    }",
                webLocation(portOffset),
                "  }");
    }

    /**
     * The gRPC entry: the same names, the same limits (the same zones: a token's REST and gRPC calls count
     * together) and the same largest request as the REST entry; each refusal answered in gRPC's terms (a
     * {@code grpc-status} in a response of no message), since a gRPC client reads an HTTP error status
     * without one as UNKNOWN or UNAVAILABLE: over a limit RESOURCE_EXHAUSTED, a request message too large
     * RESOURCE_EXHAUSTED, reservation not answering UNAVAILABLE, a service not routed UNIMPLEMENTED,
     * another name PERMISSION_DENIED. nginx bounds a request body only when its length is declared,
     * which a gRPC client does not do: reservation refuses a request message over 64 KiB itself, before
     * reading it (server.xml). A Watch may stay quiet until its booking is settled (the hold
     * lasts 15 minutes): its reads wait that long.
     */
    static String grpc(int port, int portOffset) {
        String upstream = "grpc://127.0.0.1:" + (Service.RESERVATION.port() + portOffset);
        String locations = GRPC_SERVICES.stream().map(service -> String.join("\n",
                        "    location /" + service + "/ {",
                        "      grpc_pass " + upstream + ";",
                        "    }"))
                .collect(Collectors.joining("\n"));
        return String.join("\n",
                "  server {",
                "    listen 127.0.0.1:" + port + " http2 default_server;",
                grpcRefusal(7, "This gateway serves localhost and 127.0.0.1 only", null),
                "  }",
                "  server {",
                "    listen 127.0.0.1:" + port + " http2;",
                "    server_name localhost 127.0.0.1;",
                "    limit_req zone=per_address burst=" + RATE_PER_ADDRESS + " nodelay;",
                "    limit_req zone=per_token burst=" + RATE_PER_TOKEN + " nodelay;",
                "    grpc_set_header X-Forwarded-For $remote_addr;",
                "    grpc_connect_timeout 2s;",
                "    grpc_read_timeout 30s;",
                "    error_page 429 = @rate_limited;",
                "    location @rate_limited {",
                grpcRefusal(8, "More than " + RATE_PER_TOKEN + " requests per second with this token, or " + RATE_PER_ADDRESS
                        + " from this address; try again in a second", "1"),
                "    }",
                "    error_page 413 = @too_large;",
                "    location @too_large {",
                grpcRefusal(8, "The request message is too large", null),
                "    }",
                "    error_page 502 504 = @unavailable;",
                "    location @unavailable {",
                grpcRefusal(14, "The booking service is not answering; try again", null),
                "    }",
                // Only the gateway's own limit answers 503 (a service's 503 is passed on as it is, in gRPC's terms already).
                "    error_page 503 = @overloaded;",
                "    location @overloaded {",
                grpcRefusal(14, "As many bookings as the service can make at once are being made; try again in a second", "1"),
                "    }",
                "    location = /msaair.booking.v1.BookingService/Book {",
                "      limit_conn bookings " + BOOKINGS_IN_FLIGHT + ";",
                "      grpc_pass " + upstream + ";",
                "    }",
                locations,
                "    location = /msaair.booking.v1.BookingService/Watch {",
                "      grpc_pass " + upstream + ";",
                "      grpc_read_timeout 16m;",
                "    }",
                "    location / {",
                grpcRefusal(12, "No such gRPC service here: the gateway routes " + String.join(", ", GRPC_SERVICES), null),
                "    }",
                "  }");
    }

    /**
     * An answer of no message and this gRPC status (Trailers-Only: the status in the response's headers,
     * the stream ended with them). A 204 is what makes nginx end the stream with its headers; it also
     * drops a 204's content type, which a gRPC client needs (without it: UNKNOWN), hence the header by hand.
     */
    private static String grpcRefusal(int status, String message, String retryAfter) {
        return String.join("\n",
                "      add_header content-type application/grpc always;",
                "      add_header grpc-status " + status + " always;",
                "      add_header grpc-message \"" + message + "\" always;",
                retryAfter == null ? "" : "      add_header retry-after " + retryAfter + " always;",
                "      return 204;");
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
