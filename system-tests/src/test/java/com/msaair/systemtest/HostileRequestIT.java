package com.msaair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Service;
import com.msaair.platform.testing.HostileMessages;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.Metrics;
import com.msaair.systemtest.support.NothingChanged;
import com.msaair.systemtest.support.SystemStack;
import com.msaair.systemtest.support.WebContainer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Iterator;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Generated hostile requests over every operation the services' own OpenAPI documents declare (a
 * new endpoint is covered without touching this test): every path and query parameter a value no
 * parameter accepts, every body a generated JSON document that breaks the rules (an unknown member,
 * a member twice, numbers of hundreds of digits, dates past year 9999, deep nesting, not JSON at
 * all). Every answer is a 4xx application/problem+json, never a 5xx, and nothing changes. The seed
 * is printed; {@code -Dmsaair.hostile.seed=N} replays a run.
 */
@Order(8)
@ExtendWith(SystemStack.class)
class HostileRequestIT {

    private static final int PER_OPERATION = Integer.getInteger("msaair.hostile.requests", 60);

    record Operation(Service service, String method, String path, List<String> queryParameters, boolean hasBody, List<String> roles) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + service + " " + path;
        }
    }

    @Test
    void everyOperationAnswersEveryGeneratedHostileRequestWithAProblemAndChangesNothing() throws Exception {
        long seed = Long.getLong("msaair.hostile.seed", new SecureRandom().nextLong());
        System.out.println("HostileRequestIT: seed " + seed + " (-Dmsaair.hostile.seed=" + seed + " replays this run)");
        HostileMessages.seed(seed);
        List<Operation> operations = operations();
        assertThat(operations).as("operations found in the OpenAPI documents").hasSizeGreaterThanOrEqualTo(15);

        String customer = Api.newCustomer();
        NothingChanged nothingChanged = NothingChanged.from();
        Iterator<String> pathValues = hostileParameter(false).sampleStream().iterator();
        Iterator<String> queryValues = hostileParameter(true).sampleStream().iterator();
        Iterator<String> bodies = hostileBody().sampleStream().iterator();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        for (Operation operation : operations) {
            if (!operation.path().contains("{") && operation.queryParameters().isEmpty() && !operation.hasBody()) {
                continue; // it takes no input, so there is nothing hostile to send it (who may call it: AccessMatrixIT)
            }
            for (int i = 0; i < PER_OPERATION; i++) {
                String path = operation.path();
                while (path.contains("{")) {
                    int open = path.indexOf('{');
                    path = path.substring(0, open) + encode(pathValues.next()) + path.substring(path.indexOf('}', open) + 1);
                }
                StringBuilder query = new StringBuilder();
                for (String parameter : operation.queryParameters()) {
                    query.append(query.length() == 0 ? "?" : "&").append(parameter).append('=').append(encode(queryValues.next()));
                }
                String body = operation.hasBody() ? bodies.next() : null;
                URI uri = URI.create(SystemStack.server(operation.service()).uri() + path + query);
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(operation.method().toUpperCase(),
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
                if (body != null) {
                    request.header("Content-Type", "application/json");
                }
                // Sent by someone the operation admits, so the request meets the validation, not the door.
                callerOf(operation, customer).ifPresent(bearer -> request.header("Authorization", bearer));
                Http.Reply reply = Http.send(request);
                sent++;
                statuses.merge(reply.status(), 1, Integer::sum);
                String what = operation + " " + abbreviate(path + query) + (body == null ? "" : " body " + abbreviate(body));
                if (reply.status() < 400 || reply.status() >= 500) {
                    failures.add(what + " -> " + reply.status() + " " + abbreviate(reply.body()));
                } else if (WebContainer.refusesBeforeTheApplication(path)) {
                    if (reply.status() != 400) {
                        failures.add(what + " -> " + reply.status() + " (the web container's refusal should be a 400)");
                    }
                } else if (!reply.contentType().startsWith("application/problem+json")) {
                    failures.add(what + " -> " + reply.status() + " as " + reply.contentType());
                } else if (reply.body().contains("\tat ") || reply.body().contains("Exception")) {
                    failures.add(what + " -> a stack trace: " + abbreviate(reply.body()));
                }
            }
        }
        assertThat(failures).as(sent + " requests, seed " + seed + ", answers by status " + statuses).isEmpty();

        // Nothing changed: no row, no event.
        nothingChanged.since();
    }

    /**
     * Generated credentials that are not good — no scheme, another scheme, garbage after {@code Bearer},
     * a real token under a made-up key, a real token without its scheme — on every operation, public
     * ones included: each a 401 problem with a {@code Bearer} challenge, counted by the service, and
     * nothing changes.
     */
    @Test
    void everyOperationAnswersGeneratedBadCredentialsWithA401AndChangesNothing() throws Exception {
        long seed = Long.getLong("msaair.hostile.seed", new SecureRandom().nextLong());
        System.out.println("HostileRequestIT: credentials seed " + seed + " (-Dmsaair.hostile.seed=" + seed + " replays this run)");
        HostileMessages.seed(seed);
        List<Operation> operations = operations();
        Map<Service, Double> countedBefore = new HashMap<>();
        for (Service service : Service.values()) {
            countedBefore.put(service, Metrics.application(service, "msaair_tokens_refused_total"));
        }
        NothingChanged nothingChanged = NothingChanged.from();
        Iterator<String> credentials = badCredentials(Api.manager()).sampleStream().iterator();
        List<String> failures = new ArrayList<>();
        Map<Service, Integer> sent = new HashMap<>();
        for (Operation operation : operations) {
            for (int i = 0; i < 12; i++) {
                String authorization = credentials.next();
                String path = operation.path().replaceAll("\\{[^}]+}", "1");
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SystemStack.server(operation.service()).uri() + path))
                        .method(operation.method().toUpperCase(), operation.hasBody() ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                        .header("Authorization", authorization);
                if (operation.hasBody()) {
                    request.header("Content-Type", "application/json");
                }
                Http.Reply reply = Http.send(request);
                sent.merge(operation.service(), 1, Integer::sum);
                String what = operation + " with Authorization " + abbreviate(authorization);
                if (reply.status() != 401) {
                    failures.add(what + " -> " + reply.status() + " " + abbreviate(reply.body()));
                } else if (!reply.contentType().startsWith("application/problem+json")) {
                    failures.add(what + " -> 401 as " + reply.contentType());
                } else if (!reply.header("WWW-Authenticate").orElse("").startsWith("Bearer")) {
                    failures.add(what + " -> 401 without a Bearer challenge");
                }
            }
        }
        assertThat(failures).as("seed " + seed).isEmpty();
        sent.forEach((service, count) -> assertThat(Metrics.application(service, "msaair_tokens_refused_total") - countedBefore.get(service))
                .as("refusals counted by " + service).isGreaterThanOrEqualTo(count));
        nothingChanged.since();
    }

    /** Authorization values no service may take, among them the real token of {@code bearer} made bad. */
    static Arbitrary<String> badCredentials(String bearer) {
        String token = bearer.replaceFirst("^Bearer ", "");
        String[] parts = token.split("\\.");
        Arbitrary<String> printable = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(120);
        Arbitrary<String> kid = Arbitraries.strings().withCharRange('0', 'z').ofMinLength(1).ofMaxLength(40);
        return Arbitraries.oneOf(
                Arbitraries.of(token),
                printable.map(garbage -> "Bearer " + garbage),
                printable,
                Arbitraries.of("Basic ", "Digest ", "Token ", "JWT ", "Bearer", "Bearer, ").map(scheme -> scheme + token),
                kid.map(id -> "Bearer " + java.util.Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(("{\"alg\":\"RS256\",\"kid\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2]),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(30).map(tail -> "Bearer " + token + tail))
                .filter(value -> !value.equals("Bearer " + token));
    }

    /** A token of a role the operation admits (its x-msaair-roles in the served document); none where anyone may call. */
    static java.util.Optional<String> callerOf(Operation operation, String customer) {
        List<String> roles = operation.roles();
        if (roles.contains("anyone")) {
            return java.util.Optional.empty();
        }
        if (roles.contains("customer")) {
            return java.util.Optional.of(Api.as(customer));
        }
        if (roles.contains("manager")) {
            return java.util.Optional.of(Api.manager());
        }
        if (roles.contains("service")) {
            return java.util.Optional.of(Api.service());
        }
        return java.util.Optional.of(Api.operator());
    }

    /** Every operation of every service, from the OpenAPI document it serves. */
    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Service service : Service.values()) {
            JsonObject document = Http.get(SystemStack.server(service).uri().resolve("/openapi?format=JSON")).json();
            document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, definition) -> {
                JsonObject operation = definition.asJsonObject();
                List<String> query = new ArrayList<>();
                for (JsonValue parameter : operation.getJsonArray("parameters") == null ? List.<JsonValue>of() : operation.getJsonArray("parameters")) {
                    if (parameter.asJsonObject().getString("in").equals("query")) {
                        query.add(parameter.asJsonObject().getString("name"));
                    }
                }
                List<String> roles = operation.getJsonArray("x-msaair-roles").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList();
                operations.add(new Operation(service, method, path, query, operation.containsKey("requestBody"), roles));
            }));
        }
        return operations;
    }

    /**
     * A value no parameter of this API accepts (ids, pages, sizes, airport codes, dates, enum
     * names): each has at least one character none of them allows, or is out of every range. In a
     * path, a control character or a leading ';' is refused by Liberty's web container before any
     * application code ({@link WebContainer}): still a 400, but its own HTML.
     */
    static Arbitrary<String> hostileParameter(boolean query) {
        Arbitrary<String> fragment = Arbitraries.of("1", "-1", "0", "abc", "ICN", "2027-03-01", "99999999999999999999", "1.5", "1e3",
                "MALFORMED", "PARKED", "+10000-01-01", "𝕀ℂℕ", "ＩＣＮ", "../", "%2F", "'", "\"", "<script>", "${jndi:x}", ";DROP TABLE X", "\t");
        Arbitrary<String> poison = query
                ? Arbitraries.of("'", " ", "<", "\u0000", "\u202e", "é", "😀", "x".repeat(300), ";", "\\")
                : Arbitraries.of("'", " ", "<", "\u202e", "é", "😀", "x".repeat(300), ";", "\\", "\u0001");
        return Combinators.combine(fragment.list().ofMaxSize(3), poison, Arbitraries.integers().between(0, 3))
                .as((parts, bad, at) -> {
                    List<String> all = new ArrayList<>(parts);
                    all.add(Math.min(at, all.size()), bad);
                    return String.join("", all);
                })
                .edgeCases(edges -> edges.add("-1"));
    }

    /** A JSON body this API refuses: always one thing that breaks the rules, among fields that may be valid. */
    static Arbitrary<String> hostileBody() {
        Arbitrary<String> name = Arbitraries.of("customerId", "scheduleId", "passengers", "seats", "name", "email", "flightNumber", "origin",
                "destination", "departureTime", "arrivalTime", "aircraftType", "seatCapacity", "miles", "fare");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 5).map(String::valueOf),
                Arbitraries.strings().ofMaxLength(30).map(HostileRequestIT::quote),
                Arbitraries.of("\"ICN\"", "\"2027-03-01T09:00:00Z\"", "\"kim@example.com\"", "\"KE123\"", "true", "null", "[]", "{}",
                        "[\"12A\",\"12B\"]", "\"A321\""),
                hostileSeats(),
                hostileAircraftType());
        Arbitrary<String> valid = Combinators.combine(name, value).as((n, v) -> quote(n) + ":" + v).list().ofMaxSize(6).map(m -> String.join(",", m));
        Arbitrary<String> breaker = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(n -> quote("hostile" + n) + ":1"),
                name.map(n -> quote(n) + ":1," + quote(n) + ":2"),
                Combinators.combine(name, Arbitraries.integers().between(41, 3_000)).as((n, d) -> quote(n) + ":" + "9".repeat(d)),
                name.map(n -> quote(n) + ":\"+10000-01-01T09:00:00Z\",\"hostile\":0"),
                Arbitraries.integers().between(17, 5_000).map(d -> "\"deep\":" + "[".repeat(d) + "]".repeat(d)),
                hostileSeats().filter(seats -> !seats.equals("[\"99Z\"]")).map(seats -> "\"seats\":" + seats),
                hostileAircraftType().map(type -> "\"aircraftType\":" + type));
        Arbitrary<String> document = Combinators.combine(valid, breaker, Arbitraries.integers().between(0, 1))
                .as((fields, bad, first) -> "{" + (fields.isEmpty() ? bad : first == 0 ? bad + "," + fields : fields + "," + bad) + "}");
        Arbitrary<String> notJson = Arbitraries.strings().ofMaxLength(200).filter(s -> !s.isBlank() && !s.strip().startsWith("{"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, document),
                net.jqwik.api.Tuple.of(1, notJson),
                net.jqwik.api.Tuple.of(1, document.map(d -> d + d)));
    }

    /**
     * Seats no booking accepts as they are written: row 0, a lower-case letter, 10 kB, a seat twice, digits and
     * letters that only look like ASCII (fullwidth, Cyrillic А), not strings, not a list. ("99Z" is written like a
     * seat: only the flight can say it has none, so it breaks nothing on its own.)
     */
    static Arbitrary<String> hostileSeats() {
        return Arbitraries.of("[\"0A\"]", "[\"99Z\"]", "[\"1a\"]", "[\"" + "1A".repeat(5_000) + "\"]", "[\"1A\",\"1A\"]", "[\"\uff11\uff21\"]",
                "[\"1\u0410\"]", "[\"\u0661A\"]", "[\"1A\",null]", "[1]", "[[\"1A\"]]", "\"1A\"", "{\"1A\":true}", "[\" 1A\"]", "[\"1A\\u0000\"]",
                "[\"01A\"]", "[\"1000A\"]", "[\"1A\",\"1B\",\"1C\",\"1D\",\"1E\",\"1F\",\"2A\",\"2B\",\"2C\",\"2D\"]");
    }

    /** Aircraft types schedule has no seat map of. */
    static Arbitrary<String> hostileAircraftType() {
        return Arbitraries.of("\"a321\"", "\"A999\"", "\"\uff21321\"", "\"A321 \\u0000\"", "\"" + "A".repeat(10_000) + "\"", "321", "[\"A321\"]",
                "\"GENERIC\\u202e\"");
    }

    private static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
