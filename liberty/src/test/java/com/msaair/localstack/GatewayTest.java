package com.msaair.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local gateway against what it stands in for: Kubernetes' rate limits, and nginx's own reading of its configuration. */
class GatewayTest {

    @TempDir
    Path prefix;

    @Test
    void theLimitsAreKubernetesLimits() throws Exception {
        String policy = Files.readString(Path.of("../k8s/base/gateway.yaml"));
        Matcher perToken = Pattern.compile("name: Authorization\\s+type: Distinct\\s+limit:\\s+requests: (\\d+)\\s+unit: Second").matcher(policy);
        Matcher perAddress = Pattern.compile("sourceCIDR:\\s+type: Distinct\\s+value: 0\\.0\\.0\\.0/0\\s+limit:\\s+requests: (\\d+)\\s+unit: Second").matcher(policy);

        assertThat(perToken.find()).as("the BackendTrafficPolicy's per-token rule").isTrue();
        assertThat(perAddress.find()).as("the BackendTrafficPolicy's per-address rule").isTrue();
        assertThat(Gateway.RATE_PER_TOKEN).isEqualTo(Integer.parseInt(perToken.group(1)));
        assertThat(Gateway.RATE_PER_ADDRESS).isEqualTo(Integer.parseInt(perAddress.group(1)));
    }

    @Test
    void everyRequestIsCountedByItsAddressAndABodyTheLimitAdmitsIsNeverSpooled() {
        String config = Nginx.config(prefix, Gateway.http(9080, 0));

        assertThat(config).contains("limit_req_zone $binary_remote_addr zone=per_address", "limit_req zone=per_address",
                "limit_req_zone $http_authorization zone=per_token", "limit_req zone=per_token");
        assertThat(config).as("no request escapes the address's count").doesNotContain("map $http_authorization");
        assertThat(config).contains("client_max_body_size " + Nginx.MAX_BODY_BYTES + ";", "client_body_buffer_size " + Nginx.MAX_BODY_BYTES + ";",
                "proxy_max_temp_file_size 0;");
        assertThat(config).as("no header of the client's is passed on as it came").doesNotContain("$http_host", "$proxy_add_x_forwarded_for");
    }

    @Test
    void grpcCallsHaveTheirOwnHttp2EntryWithTheSameLimitsAndGrpcRefusals() {
        String grpc = Gateway.grpc(9088, 0);

        assertThat(grpc).contains("listen 127.0.0.1:9088 http2;", "limit_req zone=per_address", "limit_req zone=per_token",
                "grpc_pass grpc://127.0.0.1:9082;", "location /msaair.booking.v1.BookingService/ {");
        assertThat(grpc).as("over a limit or too large: RESOURCE_EXHAUSTED, never an HTTP status a gRPC client reads as UNKNOWN")
                .contains("error_page 429 = @rate_limited;", "error_page 413 = @too_large;", "add_header grpc-status 8 always;",
                        "add_header content-type application/grpc always;");
        assertThat(Gateway.http(9080, 0)).contains(grpc);
    }

    @Test
    void theBookingLimitIsKubernetesLimit() throws Exception {
        String policy = Files.readString(Path.of("../k8s/base/gateway.yaml"));
        Matcher limit = Pattern.compile("sectionName: bookings\\s+circuitBreaker:\\s+maxParallelRequests: (\\d+)").matcher(policy);

        assertThat(limit.find()).as("the BackendTrafficPolicy's circuit breaker on the booking rule").isTrue();
        assertThat(Gateway.BOOKINGS_IN_FLIGHT).isEqualTo(Integer.parseInt(limit.group(1)));
    }

    /**
     * nginx itself, in front of a reservation that holds every booking until told to answer: the limit's
     * worth go through, the next booking is refused at once with Retry-After (not queued), reads are not
     * counted, and once one booking has been answered the next goes through again.
     */
    @Test
    void bookingsBeyondTheLimitAreRefusedAtOnceWhileReadsPass() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")), "nginx is not installed here");
        int offset = freeOffset();
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger held = new AtomicInteger();
        HttpServer reservation = HttpServer.create(new InetSocketAddress("127.0.0.1", Service.RESERVATION.port() + offset), 64);
        reservation.setExecutor(Executors.newCachedThreadPool());
        reservation.createContext("/", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                held.incrementAndGet();
                await(answer);
            }
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        reservation.start();
        Nginx gateway = Nginx.start(prefix, Gateway.PORT + offset, Gateway.http(Gateway.PORT + offset, offset));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI bookings = URI.create("http://127.0.0.1:" + (Gateway.PORT + offset) + "/api/reservations");
        try {
            List<CompletableFuture<HttpResponse<String>>> admitted = new ArrayList<>();
            for (int i = 0; i < Gateway.BOOKINGS_IN_FLIGHT; i++) {
                admitted.add(http.sendAsync(book(bookings, i), HttpResponse.BodyHandlers.ofString()));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (held.get() < Gateway.BOOKINGS_IN_FLIGHT && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(held).as("bookings reservation holds").hasValue(Gateway.BOOKINGS_IN_FLIGHT);

            HttpResponse<String> refused = http.send(book(bookings, 99), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).contains("urn:problem:msaair:overloaded");
            assertThat(http.send(HttpRequest.newBuilder(bookings).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                    .as("a read while the bookings are held").isEqualTo(201);

            answer.countDown();
            for (CompletableFuture<HttpResponse<String>> booking : admitted) {
                assertThat(booking.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            }
            assertThat(http.send(book(bookings, 100), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(201);
        } finally {
            answer.countDown();
            gateway.stop();
            reservation.stop(0);
        }
    }

    private static HttpRequest book(URI bookings, int customer) {
        return HttpRequest.newBuilder(bookings).header("Authorization", "Bearer customer-" + customer)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A port offset whose gateway ports and reservation port nobody listens on. */
    private static int freeOffset() {
        for (int offset = 31000; offset < 40000; offset += 100) {
            if (free(Gateway.PORT + offset) && free(Gateway.GRPC_PORT + offset) && free(Service.RESERVATION.port() + offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free ports for the gateway");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void nginxTakesTheConfiguration() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")), "nginx is not installed here");
        Files.createDirectories(prefix.resolve("logs"));
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, Nginx.config(prefix, Gateway.http(9080, 0)));

        Process test = new ProcessBuilder("/usr/sbin/nginx", "-t", "-p", prefix.toString(), "-c", file.toString()).redirectErrorStream(true).start();
        assertThat(test.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> output = new ArrayList<>(new String(test.getInputStream().readAllBytes()).lines().toList());
        assertThat(test.exitValue()).as(String.join("\n", output)).isZero();
        assertThat(output).noneMatch(line -> line.contains("[warn]") && !line.contains("\"user\" directive"));
    }
}
