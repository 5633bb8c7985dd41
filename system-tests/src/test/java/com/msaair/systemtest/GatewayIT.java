package com.msaair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Gateway;
import com.msaair.localstack.Nginx;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.SystemStack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one entry point: every route reaches its service; a token over its rate limit is held off alone,
 * and an address over its own limit whatever tokens it invents; a body is never spooled to disk and one
 * bigger than the services take is refused at the gateway; only the gateway's own names are served.
 * All from one address (the tests'): the flood of made-up tokens, which spends that address's
 * allowance, comes last.
 */
@Order(9)
@ExtendWith(SystemStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayIT {

    @Test
    @Order(1)
    void everyRouteReachesItsService() {
        String customer = Api.newCustomer();
        long flight = Api.id(Api.registerFlight(10, 100));
        long reservation = Api.id(Api.booked(customer, flight, 1));
        String token = Api.as(customer);
        assertThat(Http.get(gateway("/api/schedules/" + flight)).json().getJsonNumber("id").longValue()).isEqualTo(flight);
        assertThat(Http.get(gateway("/api/flights/" + flight + "/seats")).json().getInt("seatsAvailable")).isEqualTo(9);
        assertThat(Http.get(gateway("/api/reservations/" + reservation), token).json().getString("customerId")).isEqualTo(customer);
        assertThat(Http.get(gateway("/api/customers/" + customer), token).json().getString("id")).isEqualTo(customer);
        assertThat(Http.get(gateway("/api/notifications"), token).status()).isEqualTo(200);
        assertThat(Http.get(gateway("/api/history"), token).status()).isEqualTo(200);
        Http.Reply elsewhere = Http.get(gateway("/api/dead-letters"), Api.operator());
        assertThat(elsewhere.status()).as("operator endpoints stay on each service's own port").isEqualTo(404);
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(2)
    void aBurstOverTheLimitGets429sWithRetryAfterAndAnotherClientIsUnaffected() {
        String greedy = Api.as(Api.newCustomer());
        String other = Api.as(Api.newCustomer());
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Http.Reply> limited = new ArrayList<>();
        for (int i = 0; i < 3 * Gateway.RATE_PER_TOKEN; i++) {
            Http.Reply reply = Http.get(gateway("/api/reservations"), greedy);
            statuses.merge(reply.status(), 1, Integer::sum);
            if (reply.status() == 429) {
                limited.add(reply);
            }
        }
        assertThat(limited).as("answers to " + 3 * Gateway.RATE_PER_TOKEN + " requests at once: " + statuses).isNotEmpty();
        assertThat(statuses.get(200)).as("the burst allowance was served").isGreaterThanOrEqualTo(Gateway.RATE_PER_TOKEN);
        Http.Reply first = limited.get(0);
        assertThat(first.header("Retry-After")).contains("1");
        assertThat(first.contentType()).startsWith("application/problem+json");
        assertThat(first.json().getInt("status")).isEqualTo(429);

        assertThat(Http.get(gateway("/api/reservations"), other).status()).as("another client, at the same moment").isEqualTo(200);
    }

    /**
     * Counted by token alone, each invented {@code Authorization} value was a client of its own: 200
     * requests with made-up bearer values from one address all got through. Now the address is counted
     * too, as on Kubernetes, and what does get through is refused by the service (401).
     */
    @Test
    @Order(5)
    void madeUpTokensBuyNothingAnAddressIsLimitedWhateverItSends() throws Exception {
        int requests = 8 * Gateway.RATE_PER_ADDRESS;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String madeUp = "Bearer made-up-" + i;
            calls.add(() -> Http.get(gateway("/api/schedules?page=0&size=1"), madeUp).status());
        }
        long started = System.nanoTime();
        Map<Integer, Integer> statuses = new TreeMap<>();
        try {
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.merge(status.get(), 1, Integer::sum);
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int admitted = requests - statuses.getOrDefault(429, 0);
        System.out.printf("GatewayIT: %d requests with made-up tokens from one address in %.1f s: %s%n", requests, seconds, statuses);

        assertThat(statuses.getOrDefault(429, 0)).as(statuses + " in %.1f s", seconds).isPositive();
        assertThat(admitted).as("at most the address's burst and its rate (%d/s) over %.1f s: %s", Gateway.RATE_PER_ADDRESS, seconds, statuses)
                .isLessThanOrEqualTo((int) (Gateway.RATE_PER_ADDRESS + 1 + Gateway.RATE_PER_ADDRESS * (seconds + 1)));
        assertThat(statuses.keySet()).as("what got through was refused by the service: a made-up token is no token").containsOnly(401, 429);
    }

    /**
     * A booking of 20,000 characters got nginx's 500 page when the stack ran as root with its data in a
     * folder only root could enter: its workers (nobody) could not write the body's temporary file.
     * Nothing is spooled any more, whoever runs the stack, and a body bigger than the services take is
     * refused at the gateway as they would refuse it.
     */
    @Test
    @Order(3)
    void aBodyIsNeverSpooledAndOneBiggerThanTheServicesTakeIsA413Problem() throws Exception {
        String customer = Api.as(Api.newCustomer());
        Path errorLog = SystemStack.stack().layout().data().resolve("gateway/logs/error.log");
        long logBefore = Files.exists(errorLog) ? Files.size(errorLog) : 0;

        Http.Reply longPaymentMethod = Http.post(gateway("/api/reservations"),
                "{\"scheduleId\":1,\"passengers\":1,\"paymentMethod\":\"" + "x".repeat(20_000) + "\"}", "application/json", Api.authorization(customer));
        assertThat(longPaymentMethod.status()).as(longPaymentMethod.toString()).isEqualTo(400);
        assertThat(longPaymentMethod.contentType()).startsWith("application/problem+json");

        String atTheLimit = body(Nginx.MAX_BODY_BYTES);
        Http.Reply passed = Http.post(gateway("/api/reservations"), atTheLimit, "application/json", Api.authorization(customer));
        assertThat(passed.status()).as("the service read it (and refused its content): " + passed).isEqualTo(400);

        String overTheLimit = body(Nginx.MAX_BODY_BYTES + 1);
        Http.Reply refused = Http.post(gateway("/api/reservations"), overTheLimit, "application/json", Api.authorization(customer));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().getInt("status")).isEqualTo(413);
        assertThat(Http.post(Api.url(Service.RESERVATION, "/api/reservations"), overTheLimit, "application/json", Api.authorization(customer)).status())
                .as("the service itself draws the line at the same size").isEqualTo(413);

        String written = Files.exists(errorLog) ? Files.readString(errorLog).substring((int) logBefore) : "";
        assertThat(written).as("nginx's error log").doesNotContain("buffered to a temporary file").doesNotContain("Permission denied");
    }

    /** A request naming another host (a page whose name was pointed at 127.0.0.1, say) is not served, and links never carry a host. */
    @Test
    @Order(4)
    void onlyTheGatewaysOwnNamesAreServedAndLocationsArePaths() {
        String customer = Api.newCustomer();
        long flight = Api.id(Api.registerFlight(5, 100));
        String booking = "{\"scheduleId\":" + flight + ",\"passengers\":1,\"paymentMethod\":\"pm_card_visa\"}";

        Http.Reply misdirected = Http.send(HttpRequest.newBuilder(gateway("/api/reservations")).header("Host", "evil.example")
                .header("Authorization", Api.as(customer)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(booking)));
        assertThat(misdirected.status()).isEqualTo(421);
        assertThat(misdirected.contentType()).startsWith("application/problem+json");
        assertThat(Http.get(gateway("/api/reservations"), Api.as(customer)).json().getInt("totalItems")).as("nothing was booked").isZero();

        Http.Reply booked = Http.post(gateway("/api/reservations"), booking, "application/json", Api.authorization(Api.as(customer)));
        assertThat(booked.status()).as(booked.toString()).isIn(201, 202);
        String location = booked.header("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/reservations/" + Api.id(booked.json()));
        assertThat(Http.get(gateway("/").resolve(location), Api.as(customer)).json().getString("customerId"))
                .as("resolved against the gateway's own URI").isEqualTo(customer);
    }

    private static String body(int bytes) {
        String open = "{\"pad\":\"";
        return open + "x".repeat(bytes - open.length() - 2) + "\"}";
    }

    private static URI gateway(String path) {
        return SystemStack.stack().gatewayUri().resolve(path);
    }
}
