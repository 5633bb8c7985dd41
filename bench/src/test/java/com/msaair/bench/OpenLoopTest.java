package com.msaair.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on localhost: what the generator sends, when, and how it counts the answers. */
class OpenLoopTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String serve(int threads, Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.createContext("/api/reservations", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                handler.handle(exchange);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static OpenLoop loop(String url) {
        return new OpenLoop(url, List.of(new OpenLoop.Customer("c1", "t1"), new OpenLoop.Customer("c2", "t2")), List.of(7L), 100);
    }

    @Test
    void requestsLeaveOnScheduleWhenTheServerFallsBehindAndTheirQueueingIsInTheirLatency() throws Exception {
        // One request at a time, 100 ms each: 10 a second, while 20 a second arrive.
        AtomicInteger ids = new AtomicInteger();
        String url = serve(1, exchange -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 201, "{\"id\":" + ids.incrementAndGet() + ",\"status\":\"CONFIRMED\"}");
        });
        OpenLoop load = loop(url);
        OpenLoop.Result result = load.start(List.of(new OpenLoop.Phase("only", 20, 1))).await();
        load.close();

        OpenLoop.Result.Window w = result.all();
        assertThat(w.arrivals()).as("every request left, answered or not").isEqualTo(20);
        assertThat(w.accepted()).isEqualTo(20);
        // The last one was due at 0.95 s and could not be answered before 20 × 100 ms = 2 s: a closed loop would
        // have waited instead of sending it, and counted only its 100 ms.
        assertThat(w.maxMs()).isGreaterThanOrEqualTo(1000);
        assertThat(result.outcomes()).extracting(OpenLoop.Outcome::reservationId).doesNotHaveDuplicates();
    }

    @Test
    void answersAreCountedAsAcceptedShedErrorsOrOther() throws Exception {
        AtomicInteger n = new AtomicInteger();
        String url = serve(4, exchange -> {
            switch (n.getAndIncrement() % 7) {
                case 0 -> answer(exchange, 201, "{\"id\":" + n.get() + ",\"status\":\"CONFIRMED\"}");
                case 1 -> answer(exchange, 202, "{\"status\":\"HELD\",\"id\":" + n.get() + "}");
                case 2 -> {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    answer(exchange, 503, "{}");
                }
                case 3 -> {
                    exchange.getResponseHeaders().add("Retry-After", "2");
                    answer(exchange, 429, "{}");
                }
                case 4 -> answer(exchange, 503, "{}"); // no Retry-After: an error, not a shed
                case 5 -> answer(exchange, 409, "{}");
                default -> answer(exchange, 402, "{}");
            }
        });
        OpenLoop load = loop(url);
        OpenLoop.Result result = load.start(List.of(new OpenLoop.Phase("only", 70, 1))).await();
        load.close();

        OpenLoop.Result.Window w = result.all();
        assertThat(w.arrivals()).isEqualTo(70);
        assertThat(w.accepted()).isEqualTo(20);
        assertThat(w.shed()).isEqualTo(20);
        assertThat(w.errors()).isEqualTo(10);
        assertThat(w.shedWithoutRetryAfter()).isEqualTo(10);
        assertThat(w.other()).isEqualTo(20);
        assertThat(w.statuses()).containsEntry("201", 10).containsEntry("202", 10).containsEntry("503", 20).containsEntry("429", 10);
        assertThat(result.outcomes().stream().filter(OpenLoop.Outcome::madeReservation)).hasSize(30);
        assertThat(result.outcomes().stream().filter(OpenLoop.Outcome::ambiguous)).as("a 503 without Retry-After may have done something").hasSize(10);
        assertThat(result.outcomes().stream().filter(o -> o.status() == 202)).allSatisfy(o -> assertThat(o.reservationStatus()).isEqualTo("HELD"));
    }

    @Test
    void secondsAndPhasesFollowWhenEachRequestWasDue() throws Exception {
        String url = serve(4, exchange -> answer(exchange, 201, "{\"id\":1,\"status\":\"CONFIRMED\"}"));
        OpenLoop load = loop(url);
        OpenLoop.Result result = load.start(List.of(new OpenLoop.Phase("slow", 5, 2), new OpenLoop.Phase("fast", 20, 1))).await();
        load.close();

        assertThat(result.perSecond()).extracting(OpenLoop.Result.Second::arrivals).containsExactly(5, 5, 20);
        assertThat(result.perSecond()).extracting(OpenLoop.Result.Second::phase).containsExactly("slow", "slow", "fast");
        assertThat(result.phase("fast").arrivals()).isEqualTo(20);
        assertThat(result.startOf("fast")).isEqualTo(2);
    }
}
