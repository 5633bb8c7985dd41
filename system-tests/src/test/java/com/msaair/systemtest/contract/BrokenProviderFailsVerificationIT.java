package com.msaair.systemtest.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Service;
import com.msaair.systemtest.support.SystemStack;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The test of the provider verification: a schedule whose answer names {@code flightNumber}
 * {@code flightNo} (the real server behind a proxy that renames the field) must fail
 * {@link ScheduleProviderPactIT} — for the two interactions that read a flight, and only for those.
 */
@Order(1)
@ExtendWith(SystemStack.class)
class BrokenProviderFailsVerificationIT {

    @Test
    void aRenamedFieldFailsTheVerification() throws Exception {
        HttpServer broken = renamingProxy(SystemStack.server(Service.SCHEDULE).uri(), "\"flightNumber\"", "\"flightNo\"");
        try {
            ProviderPactTargets.override(Service.SCHEDULE, new URL("http://127.0.0.1:" + broken.getAddress().getPort() + "/"));
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                    .selectors(DiscoverySelectors.selectClass(ScheduleProviderPactIT.class))
                    .execute();
            Events verification = results.testEvents();
            assertThat(results.containerEvents().failed().count()).as(() -> describe(results.allEvents())).isZero();
            assertThat(verification.succeeded().count()).as(() -> "the interaction without a body still passes; " + describe(results.allEvents())).isEqualTo(1);
            assertThat(verification.failed().count()).as("both interactions that read a flight fail").isEqualTo(2);
            verification.failed().stream().forEach(event -> assertThat(event.getPayload(TestExecutionResult.class)
                    .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse(""))
                    .contains("flightNumber"));
        } finally {
            ProviderPactTargets.reset(Service.SCHEDULE);
            broken.stop(0);
        }
    }

    private static String describe(Events events) {
        StringBuilder text = new StringBuilder("the verification's events:");
        events.stream().forEach(event -> text.append("\n  ").append(event.getType()).append(' ').append(event.getTestDescriptor().getDisplayName())
                .append(event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                        .map(thrown -> " " + thrown).orElse("")));
        return text.toString();
    }

    /** Forwards GETs to {@code target} and replaces {@code from} by {@code to} in every answer. */
    private static HttpServer renamingProxy(URI target, String from, String to) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString())).GET();
                for (String header : List.of("Accept", "Authorization")) {
                    String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) {
                        forward.header(header, value);
                    }
                }
                HttpResponse<String> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofString());
                byte[] body = answer.body().replace(from, to).getBytes(StandardCharsets.UTF_8);
                answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
                exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        return server;
    }
}
