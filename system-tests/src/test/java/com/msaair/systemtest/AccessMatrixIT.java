package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.LibertyServer;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.SystemStack;
import com.msaair.systemtest.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call what, proven from the documents the services serve: every operation of every served
 * OpenAPI document (so a new endpoint is covered, or this fails) × every kind of caller — none, an
 * expired token, a broken signature, another issuer, another audience, {@code alg: none}, a role the
 * operation does not admit, another customer, the right one — against the rule the document states
 * ({@code x-msaair-roles}, written from the same {@code @RolesAllowed} the server enforces). The
 * service identity (reservation's own client, role {@code service}) is a caller too: an operation only
 * it may call refuses every person's token, the customer whose data it is included, and it may call
 * nothing else that is not public. Credentials that are presented and refused (a made-up key, no
 * {@code Bearer} scheme, another scheme too) are a 401 on public operations as well; every request
 * names the {@code Host} evil.example, and whatever an operation creates is located by a path, never
 * by that host.
 */
@Order(9)
@ExtendWith(SystemStack.class)
class AccessMatrixIT {

    /** The role of a service calling as itself (platform's Roles.SERVICE), which no person has. */
    static final String SERVICE = "service";

    record Operation(Service service, String method, String path, List<String> roles, List<String> query, boolean hasBody) {
        boolean admits(String role) {
            return roles.contains(role);
        }

        boolean isPublic() {
            return roles.contains("anyone");
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + service.serverName() + " " + path + " " + roles;
        }
    }

    /** The data the requests are about: customer A's, seen by A, by another customer B, by staff. */
    record Fixture(String a, String b, long flight, long reservation) {}

    @Test
    void everyOperationAdmitsExactlyTheCallersItsDocumentSays() {
        List<Operation> operations = operations();
        assertThat(operations).as("operations in the served documents").hasSizeGreaterThanOrEqualTo(17);
        assertThat(operations).as("every operation says who may call it").allSatisfy(op -> assertThat(op.roles()).isNotEmpty());
        assertThat(operations).as("operations for the service identity alone (the charge)").filteredOn(op -> op.roles().equals(List.of(SERVICE)))
                .isNotEmpty();
        assertThat(operations).as("no operation admits the service identity and a person").filteredOn(op -> op.admits(SERVICE))
                .allSatisfy(op -> assertThat(op.roles()).containsExactly(SERVICE));
        Fixture fixture = fixture();

        String expired = Tokens.expired();
        Eventually.await("the 10-second token refused as expired", Duration.ofSeconds(40),
                () -> Http.get(Api.url(Service.RESERVATION, "/api/reservations?customerId=" + fixture.a()), expired).status(), s -> s == 401);

        Map<String, Optional<String>> refusedTokens = new TreeMap<>();
        refusedTokens.put("expired", Optional.of(expired));
        refusedTokens.put("tampered signature", Optional.of(Tokens.tampered(Api.manager())));
        refusedTokens.put("another issuer", Optional.of(Tokens.otherIssuer()));
        refusedTokens.put("another audience", Optional.of(Tokens.otherAudience()));
        refusedTokens.put("alg none", Optional.of(Tokens.unsigned(Api.manager())));
        refusedTokens.put("made-up key", Optional.of(Tokens.unknownKey(Api.manager())));
        refusedTokens.put("no Bearer scheme", Optional.of(Tokens.bare(Api.manager())));
        refusedTokens.put("another scheme", Optional.of("Basic c29yYTpkZXYtb25seS1zb3Jh"));
        refusedTokens.put("no token", Optional.empty());

        List<String> failures = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Operation op : operations) {
            for (Map.Entry<String, Optional<String>> refused : refusedTokens.entrySet()) {
                int status = send(op, fixture, refused.getValue(), fixture.a()).status();
                // Credentials that are presented and not good are a 401 everywhere, public endpoints included.
                expect(failures, counts, op, refused.getKey(), status, refused.getValue().isEmpty() && op.isPublic() ? null : 401);
            }
            if (op.isPublic()) {
                continue;
            }
            wrongRole(op, fixture).ifPresent(token -> expect(failures, counts, op, "wrong role", send(op, fixture, Optional.of(token), fixture.a()).status(), 403));
            if (op.admits(SERVICE)) {
                Map<String, String> people = Map.of("the customer it names", Api.as(fixture.a()), "a manager", Api.manager(), "an operator", Api.operator());
                people.forEach((who, token) -> expect(failures, counts, op, who + " (not the service)",
                        send(op, fixture, Optional.of(token), fixture.a()).status(), 403));
            } else {
                expect(failures, counts, op, "the service identity", send(op, fixture, Optional.of(Api.service()), fixture.a()).status(), 403);
            }
            otherCustomersAnswer(op).ifPresent(expected -> expect(failures, counts, op, "another customer",
                    send(op, fixture, Optional.of(Api.as(fixture.b())), fixture.a()).status(), expected));
            Http.Reply right = send(op, fixture, Optional.of(rightCaller(op, fixture)), fixture.a());
            expect(failures, counts, op, "the right caller", right.status(), null);
            // Every request here names the Host evil.example: a link it creates must not lead there.
            if (right.status() == 201 || right.status() == 202) {
                String location = right.header("Location").orElse("(none)");
                if (!location.startsWith("/") || location.startsWith("//")) {
                    failures.add(op + " answered " + right.status() + " with Location " + location + " (wanted a path, whatever the Host)");
                }
            }
        }
        System.out.println("AccessMatrixIT: " + operations.size() + " operations, " + counts.values().stream().mapToInt(Integer::intValue).sum()
                + " requests " + counts);
        assertThat(failures).isEmpty();
    }

    /**
     * Customer B learns nothing of A's data through any endpoint, also while mileage cannot answer
     * (the customer check falls back to "unverified": that must not open a hole).
     */
    @Test
    void aCustomerNeverSeesOrChangesAnotherCustomersDataAlsoWhileMileageIsDown() throws Exception {
        Fixture fixture = fixture();
        String b = Api.as(fixture.b());
        LibertyServer mileage = SystemStack.server(Service.MILEAGE);
        signal("STOP", mileage);
        try {
            assertThat(Http.get(Api.url(Service.RESERVATION, "/api/reservations/" + fixture.reservation()), b).status()).isEqualTo(404);
            assertThat(Http.get(Api.url(Service.RESERVATION, "/api/reservations?customerId=" + fixture.a()), b).status()).isEqualTo(403);
            assertThat(Http.get(Api.url(Service.RESERVATION, "/api/reservations"), b).json().getInt("totalItems")).as("B's own: none").isZero();
            assertThat(Http.delete(Api.url(Service.RESERVATION, "/api/reservations/" + fixture.reservation()), b).status()).isEqualTo(404);
            Http.Reply forA = Http.post(Api.url(Service.RESERVATION, "/api/reservations"),
                    "{\"customerId\":\"" + fixture.a() + "\",\"scheduleId\":" + fixture.flight() + ",\"passengers\":1,\"paymentMethod\":\"pm_card_visa\"}", "application/json", Api.authorization(b));
            assertThat(forA.status()).as(forA.toString()).isEqualTo(403);
            Http.Reply own = Api.bookAs(b, fixture.flight(), 1);
            assertThat(own.status()).isEqualTo(201);
            assertThat(own.json().getString("customerId")).as("booked for B, whoever the body might name").isEqualTo(fixture.b());
            assertThat(own.json().getBoolean("customerVerified")).as("mileage did not answer").isFalse();
            // The seat map is anyone's to read, and says of A's seat only that it is taken, never whose.
            Http.Reply map = Http.get(Api.url(Service.RESERVATION, "/api/flights/" + fixture.flight() + "/seats"), b);
            assertThat(map.status()).isEqualTo(200);
            assertThat(map.body()).doesNotContain(fixture.a()).doesNotContain("customerId").doesNotContain("reservation");
            assertThat(map.json().getInt("taken")).isEqualTo(2);
            for (Service service : List.of(Service.NOTIFICATION, Service.HISTORY)) {
                String path = service == Service.NOTIFICATION ? "/api/notifications" : "/api/history";
                assertThat(Http.get(Api.url(service, path + "?customerId=" + fixture.a()), b).status()).as(service.toString()).isEqualTo(403);
            }
        } finally {
            signal("CONT", mileage);
        }
        String b2 = Api.as(fixture.b());
        assertThat(Http.get(Api.url(Service.MILEAGE, "/api/customers/" + fixture.a()), b2).status()).isEqualTo(404);
        assertThat(Http.get(Api.url(Service.MILEAGE, "/api/customers/" + fixture.a() + "/mileage"), b2).status()).isEqualTo(404);
        assertThat(Api.reservation(fixture.reservation()).getString("status")).as("A's booking untouched").isEqualTo("CONFIRMED");
        Eventually.await("A's notifications, none of them B's", () -> Api.notifications(fixture.a()), n -> n.size() == 2);
        assertThat(Api.notifications(fixture.a()).getValuesAs(JsonObject.class))
                .allSatisfy(n -> assertThat(n.getString("customerId")).isEqualTo(fixture.a()));
    }

    private static Fixture fixture() {
        String a = Api.newCustomer();
        String b = Api.newCustomer();
        long flight = id(Api.registerFlight(50, 100));
        long reservation = id(Api.booked(a, flight, 1));
        return new Fixture(a, b, flight, reservation);
    }

    private static void expect(List<String> failures, Map<String, Integer> counts, Operation op, String caller, int status, Integer expected) {
        counts.merge(caller, 1, Integer::sum);
        boolean ok = expected == null ? status != 401 && status != 403 && status < 500 : status == expected;
        if (!ok) {
            failures.add(op + " with " + caller + ": " + status + (expected == null ? " (wanted neither 401, 403 nor 5xx)" : " (wanted " + expected + ")"));
        }
    }

    /** A token of a role the operation does not admit. */
    private static Optional<String> wrongRole(Operation op, Fixture fixture) {
        if (!op.admits("customer")) {
            return Optional.of(Api.as(fixture.b()));
        }
        if (!op.admits("operator")) {
            return Optional.of(Api.operator());
        }
        return Optional.empty();
    }

    /**
     * What customer B gets asking about A's data: 404 where the path names A's resource (it might as
     * well not exist), 403 where the request names A as its customer (whether A exists or not).
     */
    private static Optional<Integer> otherCustomersAnswer(Operation op) {
        if (!op.admits("customer") || op.path().equals("/api/customers")) {
            return Optional.empty();
        }
        if (op.path().contains("{")) {
            return Optional.of(404);
        }
        if (op.query().contains("customerId") || op.hasBody()) {
            return Optional.of(403);
        }
        return Optional.empty();
    }

    private static String rightCaller(Operation op, Fixture fixture) {
        if (op.path().equals("/api/customers") && op.method().equals("post")) {
            return SystemStack.identities().bearer(Api.newPerson()); // someone who is not a customer yet
        }
        if (op.admits(SERVICE)) {
            return Api.service();
        }
        if (op.admits("customer")) {
            return Api.as(fixture.a());
        }
        return op.admits("manager") ? Api.manager() : Api.operator();
    }

    /** The operation's request about A's data, sent with {@code token} (or none). */
    private static Http.Reply send(Operation op, Fixture fixture, Optional<String> token, String customer) {
        String path = op.path()
                .replace("/api/schedules/{id}", "/api/schedules/" + fixture.flight())
                .replace("/api/flights/{scheduleId}", "/api/flights/" + fixture.flight())
                .replace("/api/reservations/{id}", "/api/reservations/" + fixture.reservation())
                .replace("/api/customers/{id}", "/api/customers/" + customer)
                .replaceAll("\\{[^}]+}", "1");
        StringBuilder query = new StringBuilder();
        for (String parameter : op.query()) {
            String value = switch (parameter) {
                case "customerId" -> customer;
                case "reason" -> "FAILING";
                default -> null;
            };
            if (value != null) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter).append('=').append(value);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SystemStack.server(op.service()).uri() + path + query))
                .method(op.method().toUpperCase(), op.hasBody() ? HttpRequest.BodyPublishers.ofString(body(op, fixture, customer)) : HttpRequest.BodyPublishers.noBody());
        if (op.hasBody()) {
            request.header("Content-Type", "application/json");
        }
        token.ifPresent(t -> request.header("Authorization", t));
        request.header("Host", "evil.example");
        return Http.send(request);
    }

    private static String body(Operation op, Fixture fixture, String customer) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return switch (op.path()) {
            case "/api/schedules" -> "{\"flightNumber\":\"AM" + (1000 + (int) (Math.random() * 8999)) + "\",\"origin\":\"ICN\",\"destination\":\"PUS\","
                    + "\"departureTime\":\"2031-05-0" + (1 + (int) (Math.random() * 9)) + "T09:00:00Z\",\"arrivalTime\":\"2031-05-10T10:00:00Z\",\"seatCapacity\":10,\"miles\":100,\"fare\":{\"amount\":125000,\"currency\":\"KRW\"}}";
            // Named seats (the fixture's flight has 50): who may ask is the point; a seat taken by an earlier request is a 409, not a door.
            case "/api/reservations" -> "{\"customerId\":\"" + customer + "\",\"scheduleId\":" + fixture.flight()
                    + ",\"passengers\":1,\"seats\":[\"" + (2 + (int) (Math.random() * 7)) + "ABCDEF".charAt((int) (Math.random() * 6))
                    + "\"],\"paymentMethod\":\"pm_card_visa\"}";
            case "/api/customers" -> "{\"name\":\"Matrix " + unique + "\",\"email\":\"matrix-" + unique + "@example.com\"}";
            // A charge for a reservation id nobody booked, with the card that is declined: who may ask is the point, no money moves.
            case "/api/payments" -> "{\"reservationId\":" + (8_000_000_000L + (long) (Math.random() * 1e9)) + ",\"customerId\":\"" + customer
                    + "\",\"amount\":{\"amount\":125000,\"currency\":\"KRW\"},\"paymentMethod\":\"pm_card_declined\","
                    + "\"captureBefore\":\"" + java.time.Instant.now().plusSeconds(3600) + "\"}";
            default -> "{}";
        };
    }

    /** Every operation of every service, from the OpenAPI document it serves; cancellations last (they change what the others see). */
    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Service service : Service.values()) {
            JsonObject document = Http.get(SystemStack.server(service).uri().resolve("/openapi?format=JSON")).json();
            document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, definition) -> {
                JsonObject operation = definition.asJsonObject();
                List<String> roles = operation.containsKey("x-msaair-roles")
                        ? operation.getJsonArray("x-msaair-roles").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                        : List.of();
                List<String> query = new ArrayList<>();
                for (JsonValue parameter : operation.getJsonArray("parameters") == null ? List.<JsonValue>of() : operation.getJsonArray("parameters")) {
                    if (parameter.asJsonObject().getString("in").equals("query")) {
                        query.add(parameter.asJsonObject().getString("name"));
                    }
                }
                operations.add(new Operation(service, method, path, roles, query, operation.containsKey("requestBody")));
            }));
        }
        operations.sort(Comparator.comparing((Operation op) -> op.method().equals("delete")));
        return operations;
    }

    private static void signal(String signal, LibertyServer server) throws Exception {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(server.pid())).inheritIO().start().waitFor();
    }
}
