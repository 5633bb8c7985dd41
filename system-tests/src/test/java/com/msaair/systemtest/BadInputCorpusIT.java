package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Identities;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.NothingChanged;
import com.msaair.systemtest.support.SystemStack;
import com.msaair.systemtest.support.WebContainer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hundreds of malformed and hostile requests against every endpoint: each gets a 4xx
 * application/problem+json without a stack trace, and nothing changes — no row, no event.
 */
@Order(8)
@ExtendWith(SystemStack.class)
class BadInputCorpusIT {

    /** One request of the corpus. */
    record Attack(String name, Service service, String method, String path, String contentType, String body, Map<String, String> headers) {
        @Override
        public String toString() {
            return name + ": " + method + " " + service + path;
        }
    }

    private static final String LONG = "x".repeat(10_000);
    private static final String UNKNOWN_ID = "987654321";
    /** Stands for the corpus customer's own id in a path (known only once the stack runs). */
    private static final String SELF = "{self}";
    private static final List<Object> BAD_VALUES = List.of(
            "\"\"", "\"   \"", "null", "true", "[]", "{}", "[1]", "-1", "0", "1.5", "-1e30", "1e30", "99999999999999999999999",
            "\"NaN\"", "\"" + LONG + "\"", "\"ＩＣＮ\"", "\"🛫✈️\"", "\"\\u202eICN\"", "\"IC\\u0000N\"", "\"ICN'; DROP TABLE SCHEDULE;--\"",
            "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"", "\"${jndi:ldap://x/a}\"");
    private static final List<String> BAD_IDS = List.of("abc", "-1", "0", "1.5", "99999999999999999999", "1e3", "%00", "' OR 1=1 --",
            "..%2F..%2Fetc%2Fpasswd", "%F0%9F%9B%AB", LONG.substring(0, 500), "1;DROP TABLE RESERVATION", "0x10", "+1 ");

    private static final String FARE = "{\"amount\":125000,\"currency\":\"KRW\"}";

    static List<Attack> corpus() {
        List<Attack> attacks = new ArrayList<>();
        Instant departure = Instant.now().plusSeconds(86_400L * 400);
        Map<String, String> schedule = new LinkedHashMap<>();
        schedule.put("flightNumber", "\"ZZ9999\"");
        schedule.put("origin", "\"ICN\"");
        schedule.put("destination", "\"CJU\"");
        schedule.put("departureTime", "\"" + departure + "\"");
        schedule.put("arrivalTime", "\"" + departure.plusSeconds(3600) + "\"");
        schedule.put("seatCapacity", "100");
        schedule.put("miles", "100");
        schedule.put("fare", FARE);
        Map<String, String> booking = new LinkedHashMap<>();
        booking.put("customerId", "\"" + UNKNOWN_ID + "\"");
        booking.put("scheduleId", UNKNOWN_ID);
        booking.put("passengers", "1");
        booking.put("paymentMethod", "\"pm_card_visa\"");
        Map<String, String> customer = new LinkedHashMap<>();
        customer.put("name", "\"Corpus\"");
        customer.put("email", "\"corpus-taken@example.com\"");

        bodies(attacks, Service.SCHEDULE, "/api/schedules", schedule);
        for (String fare : List.of("{}", "{\"amount\":0,\"currency\":\"KRW\"}", "{\"amount\":-1,\"currency\":\"KRW\"}",
                "{\"amount\":1250.5,\"currency\":\"USD\"}", "{\"amount\":1e30,\"currency\":\"KRW\"}", "{\"amount\":\"100\",\"currency\":\"KRW\"}",
                "{\"amount\":100,\"currency\":\"ABC\"}", "{\"amount\":100,\"currency\":\"XAU\"}", "{\"amount\":100,\"currency\":\"won\"}",
                "{\"amount\":100,\"currency\":1}", "{\"amount\":100}", "{\"currency\":\"KRW\"}", "{\"amount\":100,\"currency\":\"KRW\",\"vat\":1}",
                "{\"amount\":100,\"amount\":200,\"currency\":\"KRW\"}")) {
            Map<String, String> changed = new LinkedHashMap<>(schedule);
            changed.put("fare", fare);
            attacks.add(post(Service.SCHEDULE, "/api/schedules", "fare=" + fare, json(changed)));
        }
        bodies(attacks, Service.RESERVATION, "/api/reservations", booking);
        // Payment methods are processor tokens: a card number, another spelling, a type that is no token.
        for (String method : List.of("\"4242424242424242\"", "\"4242 4242 4242 4242\"", "\"visa\"", "\"pm_\"", "\"pm_CARD_VISA\"",
                "\"pm_card_visa\\u0000\"", "\"pm_" + "x".repeat(61) + "\"", "4242", "{\"number\":\"4242\"}", "null")) {
            Map<String, String> changed = new LinkedHashMap<>(booking);
            changed.put("paymentMethod", method);
            attacks.add(post(Service.RESERVATION, "/api/reservations", "paymentMethod=" + method, json(changed)));
        }
        // Seats a booking may not name (the flight is unknown too: a seat written like one meets its 404 first).
        for (String seats : List.of("[\"0A\"]", "[\"99Z\"]", "[\"1a\"]", "[\"01A\"]", "[\"1000A\"]", "[\"A1\"]", "[\"" + LONG + "\"]",
                "[\"1A\",\"1A\"]", "[\"1A\",\"1B\"]", "[\"\uff11\uff21\"]", "[\"1\u0410\"]", "[\"\u0661A\"]", "[\"1A\\u0000\"]", "[\" 1A\"]",
                "[1]", "[null]", "[[\"1A\"]]", "\"1A\"", "{\"1A\":1}", "1", "true",
                "[\"1A\",\"1B\",\"1C\",\"1D\",\"1E\",\"1F\",\"2A\",\"2B\",\"2C\",\"2D\"]")) {
            Map<String, String> changed = new LinkedHashMap<>(booking);
            changed.put("seats", seats);
            attacks.add(post(Service.RESERVATION, "/api/reservations", "seats=" + abbreviate(seats), json(changed)));
        }
        // Aircraft types schedule has no seat map of, and a capacity that contradicts the type's.
        for (String type : List.of("\"A999\"", "\"a321\"", "\"\uff21321\"", "\"A321\\u0000\"", "\"" + LONG + "\"", "321", "[\"A321\"]", "null")) {
            Map<String, String> changed = new LinkedHashMap<>(schedule);
            changed.put("aircraftType", type);
            if (!type.equals("null")) {
                attacks.add(post(Service.SCHEDULE, "/api/schedules", "aircraftType=" + abbreviate(type), json(changed)));
            }
            changed.remove("seatCapacity");
            attacks.add(post(Service.SCHEDULE, "/api/schedules", "aircraftType=" + abbreviate(type) + " without seatCapacity", json(changed)));
        }
        Map<String, String> contradicted = new LinkedHashMap<>(schedule);
        contradicted.put("aircraftType", "\"A321\"");
        attacks.add(post(Service.SCHEDULE, "/api/schedules", "an A321 of 100 seats", json(contradicted)));
        bodies(attacks, Service.MILEAGE, "/api/customers", customer);
        // The charge (reservation's call): each variant is wrong in one field, so none may take money.
        Map<String, String> payment = new LinkedHashMap<>();
        payment.put("reservationId", UNKNOWN_ID);
        payment.put("customerId", "\"" + UNKNOWN_ID + "\"");
        payment.put("amount", "{\"amount\":125000,\"currency\":\"KRW\"}");
        payment.put("paymentMethod", "\"pm_card_visa\"");
        payment.put("captureBefore", "\"" + departure + "\"");
        for (String amount : List.of("{}", "{\"amount\":0,\"currency\":\"KRW\"}", "{\"amount\":-5,\"currency\":\"KRW\"}",
                "{\"amount\":1250.5,\"currency\":\"USD\"}", "{\"amount\":100,\"currency\":\"ABC\"}", "{\"amount\":100,\"currency\":\"krw\"}",
                "{\"amount\":100}", "100", "{\"amount\":100,\"currency\":\"KRW\",\"tip\":1}")) {
            Map<String, String> changed = new LinkedHashMap<>(payment);
            changed.put("amount", amount);
            attacks.add(post(Service.PAYMENT, "/api/payments", "amount=" + amount, json(changed)));
        }
        for (String method : List.of("\"4242424242424242\"", "\"visa\"", "1", "null")) {
            Map<String, String> changed = new LinkedHashMap<>(payment);
            changed.put("paymentMethod", method);
            attacks.add(post(Service.PAYMENT, "/api/payments", "paymentMethod=" + method, json(changed)));
        }
        for (String field : payment.keySet()) {
            Map<String, String> without = new LinkedHashMap<>(payment);
            without.remove(field);
            attacks.add(post(Service.PAYMENT, "/api/payments", "payment without " + field, json(without)));
        }

        // Idempotency keys nobody should accept; the booking itself names unknown ids.
        for (String key : List.of("has space", "x".repeat(101), " padded ", "~".repeat(150))) {
            attacks.add(new Attack("bad Idempotency-Key " + key.length(), Service.RESERVATION, "POST", "/api/reservations", "application/json",
                    json(booking), Map.of("Idempotency-Key", key)));
        }

        // Credentials that are not good, on a public endpoint and on protected ones: a 401 problem either way.
        for (String credentials : List.of("Basic c29yYTpkZXYtb25seS1zb3Jh", "Bearer", "Bearer ", "bearer", "Bearer abc", "Bearer a.b.c",
                "Bearer e30.e30.", "Bearer e30.e30.e30.e30", "Token abc", "Bearer <script>", "Bearer " + "A".repeat(5_000), "null", "undefined")) {
            Map<String, String> header = Map.of("Authorization", credentials);
            String name = "Authorization " + abbreviate(credentials);
            attacks.add(new Attack(name + " (public)", Service.SCHEDULE, "GET", "/api/schedules", null, null, header));
            attacks.add(new Attack(name, Service.RESERVATION, "GET", "/api/reservations", null, null, header));
            attacks.add(new Attack(name + " (booking)", Service.RESERVATION, "POST", "/api/reservations", "application/json", json(booking), header));
        }

        // Ids in paths, on every resource that takes one.
        for (String id : BAD_IDS) {
            attacks.add(get(Service.SCHEDULE, "/api/schedules/" + id, "schedule id " + id));
            attacks.add(new Attack("cancel schedule id " + id, Service.SCHEDULE, "DELETE", "/api/schedules/" + id, null, null, Map.of()));
            attacks.add(get(Service.RESERVATION, "/api/reservations/" + id, "reservation id " + id));
            attacks.add(new Attack("cancel reservation id " + id, Service.RESERVATION, "DELETE", "/api/reservations/" + id, null, null, Map.of()));
            attacks.add(get(Service.MILEAGE, "/api/customers/" + id, "customer id " + id));
            attacks.add(get(Service.MILEAGE, "/api/customers/" + id + "/mileage", "mileage of " + id));
            attacks.add(new Attack("retry parked " + id, Service.MILEAGE, "POST", "/api/parked-events/" + id + "/retry", null, null, Map.of()));
        }
        for (String id : List.of(UNKNOWN_ID)) {
            attacks.add(get(Service.SCHEDULE, "/api/schedules/" + id, "unknown schedule"));
            attacks.add(new Attack("cancel unknown schedule", Service.SCHEDULE, "DELETE", "/api/schedules/" + id, null, null, Map.of()));
            attacks.add(get(Service.RESERVATION, "/api/reservations/" + id, "unknown reservation"));
            attacks.add(new Attack("cancel unknown reservation", Service.RESERVATION, "DELETE", "/api/reservations/" + id, null, null, Map.of()));
            attacks.add(get(Service.MILEAGE, "/api/customers/" + id, "unknown customer"));
            attacks.add(new Attack("retry unknown parked", Service.MILEAGE, "POST", "/api/parked-events/" + id + "/retry", null, null, Map.of()));
        }

        // Query parameters.
        // Customer ids are the identity provider's subjects: "abc" is a well-formed one (someone else's: 403).
        for (String value : List.of("abc", "-1", "1.5", "%27%20OR%201%3D1", "%00", "a%20b", "x".repeat(129), "%F0%9F%9B%AB", "")) {
            if (!value.equals("abc") && !value.equals("1.5")) { // staff may ask about any well-formed id: an empty page
                attacks.add(get(Service.RESERVATION, "/api/reservations?customerId=" + value, "reservations of " + value));
            }
            if (!value.isEmpty()) { // a customer naming nobody means themselves
                attacks.add(get(Service.NOTIFICATION, "/api/notifications?customerId=" + value, "notifications of " + value));
                attacks.add(get(Service.HISTORY, "/api/history?customerId=" + value, "history of " + value));
            }
        }
        for (String page : List.of("page=-1", "page=x", "size=0", "size=101", "size=-5", "size=1e3", "page=99999999999")) {
            attacks.add(get(Service.SCHEDULE, "/api/schedules?" + page, "schedules " + page));
            attacks.add(get(Service.RESERVATION, "/api/reservations?customerId=1&" + page, "reservations " + page));
            attacks.add(get(Service.MILEAGE, "/api/customers/" + SELF + "/mileage?" + page, "ledger " + page));
            attacks.add(get(Service.MILEAGE, "/api/parked-events?" + page, "parked " + page));
            attacks.add(get(Service.NOTIFICATION, "/api/notifications?" + page, "notifications " + page));
            attacks.add(get(Service.HISTORY, "/api/history?" + page, "history " + page));
        }
        for (String filter : List.of("origin=icn", "origin=ICNN", "destination=%F0%9F%9B%AB", "origin=I%27N", "date=2027-13-01",
                "date=tomorrow", "date=2027-02-30", "date=%00")) {
            attacks.add(get(Service.SCHEDULE, "/api/schedules?" + filter, "schedules " + filter));
        }
        attacks.add(get(Service.RESERVATION, "/api/reservations", "reservations without a customer (staff must name one)"));

        // Wrong methods, unknown paths, unacceptable answers.
        for (Service service : Service.values()) {
            String collection = collection(service);
            for (String method : List.of("PUT", "PATCH")) {
                attacks.add(new Attack(method + " on " + collection, service, method, collection, "application/json", "{}", Map.of()));
            }
            attacks.add(get(service, "/api/no-such-thing", "unknown path"));
            attacks.add(get(service, collection + "/1/2/3", "too deep"));
            attacks.add(new Attack("xml wanted", service, "GET", collection + "?customerId=1", null, null, Map.of("Accept", "application/xml")));
        }
        return attacks;
    }

    /** Field-by-field and whole-body attacks on a JSON endpoint. */
    private static void bodies(List<Attack> attacks, Service service, String path, Map<String, String> valid) {
        for (String field : valid.keySet()) {
            Map<String, String> missing = new LinkedHashMap<>(valid);
            missing.remove(field);
            attacks.add(post(service, path, "missing " + field, json(missing)));
            for (Object bad : BAD_VALUES) {
                if (!valid.get(field).equals(bad)) {
                    Map<String, String> changed = new LinkedHashMap<>(valid);
                    changed.put(field, String.valueOf(bad));
                    attacks.add(post(service, path, field + "=" + abbreviate(String.valueOf(bad)), json(changed)));
                }
            }
        }
        Map<String, String> extra = new LinkedHashMap<>(valid);
        extra.put("id", "1");
        attacks.add(post(service, path, "extra field id", json(extra)));
        Map<String, String> extra2 = new LinkedHashMap<>(valid);
        extra2.put("status", "\"CANCELLED\"");
        attacks.add(post(service, path, "extra field status", json(extra2)));
        for (String broken : List.of("", " ", "{", "}", "{\"a\":", "{'a':1}", "[", "[1,2]", "\"text\"", "42", "null", "nul",
                "{\"a\":1,}", "{\"a\" 1}", json(valid) + "{}", json(valid).replace("\"", "'"), "\u0000\u0001\u0002",
                "{".repeat(5000) + "}".repeat(5000), "[".repeat(3000) + "]".repeat(3000))) {
            attacks.add(post(service, path, "broken body " + abbreviate(broken), broken));
        }
        attacks.add(post(service, path, "oversize body", "{\"pad\":\"" + "x".repeat(200_000) + "\"}"));
        for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            attacks.add(new Attack("content type " + contentType, service, "POST", path, contentType, json(valid), Map.of()));
        }
        attacks.add(new Attack("no content type", service, "POST", path, null, json(valid), Map.of()));
        attacks.add(new Attack("utf-16 declared", service, "POST", path, "application/json; charset=utf-16", json(valid), Map.of()));
    }

    @Test
    void everyMalformedOrHostileRequestGetsAProblemAnswerAndChangesNothing() throws Exception {
        // A real token without its scheme: not a bearer token, whatever it carries.
        String bare = Api.manager().replaceFirst("^Bearer ", "");
        // The corpus's customer, whose e-mail address the customer attacks try to take again.
        Identities.Person person = Api.newPerson();
        Http.Reply registered = Http.post(Api.url(Service.MILEAGE, "/api/customers"), "{\"name\":\"Corpus\",\"email\":\"corpus-taken@example.com\"}",
                "application/json", Api.authorization(SystemStack.identities().bearer(person)));
        assertThat(registered.status()).isEqualTo(201);
        JsonObject taken = registered.json();
        Api.remember(person);
        corpusCustomer = person.subject();
        NothingChanged nothingChanged = NothingChanged.from();

        List<Attack> corpus = new ArrayList<>(corpus());
        corpus.add(new Attack("a real token without Bearer", Service.RESERVATION, "GET", "/api/reservations", null, null, Map.of("Authorization", bare)));
        corpus.add(new Attack("a real token without Bearer (public)", Service.SCHEDULE, "GET", "/api/schedules", null, null, Map.of("Authorization", bare)));
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new HashMap<>();
        for (Attack attack : corpus) {
            Http.Reply reply = send(attack);
            statuses.merge(reply.status(), 1, Integer::sum);
            if (reply.status() < 400 || reply.status() >= 500) {
                failures.add(attack + " -> " + reply.status() + " " + abbreviate(reply.body()));
            } else if (WebContainer.refusesBeforeTheApplication(attack.path())) {
                assertThat(reply.status()).as(attack.toString()).isEqualTo(400);
            } else if (!reply.contentType().startsWith("application/problem+json")) {
                failures.add(attack + " -> " + reply.status() + " as " + reply.contentType());
            } else if (reply.body().contains("Exception") || reply.body().contains("\tat ") || reply.body().contains("at com.")) {
                failures.add(attack + " -> a stack trace: " + abbreviate(reply.body()));
            }
        }
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
        assertThat(failures).as("of " + corpus.size() + " requests (answers by status: " + statuses + ")").isEmpty();

        // Nothing changed: no row, no event.
        nothingChanged.since();
        assertThat(Api.balance(Api.customerId(taken))).isZero();
    }

    private static String corpusCustomer;

    /**
     * Each attack is sent by someone who may call the endpoint, so it meets the validation and not
     * the door: staff for schedules and reservations (who must name the customer), an operator for the
     * operator endpoints, reservation's service identity for the charge, the corpus's customer for the
     * customer's own data.
     */
    private static String callerOf(Attack attack) {
        String path = attack.path();
        if (path.startsWith("/api/payments") && !attack.method().equals("GET")) {
            return Api.service();
        }
        if (path.startsWith("/api/schedules") || path.startsWith("/api/reservations")) {
            return Api.manager();
        }
        if (path.startsWith("/api/parked-events") || path.startsWith("/api/dead-letters") || path.startsWith("/api/outbox")) {
            return Api.operator();
        }
        return Api.as(corpusCustomer);
    }

    private static Http.Reply send(Attack attack) {
        URI uri = URI.create(SystemStack.server(attack.service()).uri() + encodePath(attack.path().replace(SELF, corpusCustomer)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(attack.method(),
                attack.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(attack.body()));
        if (attack.contentType() != null) {
            request.header("Content-Type", attack.contentType());
        }
        attack.headers().forEach(request::header);
        if (!attack.headers().containsKey("Authorization")) {
            request.header("Authorization", callerOf(attack));
        }
        return Http.send(request);
    }

    /** Leaves percent-encodings as they are and encodes whatever else cannot stand in a URI. */
    private static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (c == ' ' || c == '\'' || c == '"' || c == '<' || c == '>' || c == '{' || c == '}' || c == '|' || c == '\\'
                    || c == '^' || c == '`' || c > 126) {
                encoded.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8).replace("+", "%20"));
            } else {
                encoded.append(c);
            }
        }
        return encoded.toString();
    }

    private static Attack get(Service service, String path, String name) {
        return new Attack(name, service, "GET", path, null, null, Map.of());
    }

    private static Attack post(Service service, String path, String name, String body) {
        return new Attack(name, service, "POST", path, "application/json", body, Map.of());
    }

    private static String json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":").append(value));
        return json.append('}').toString();
    }

    private static String collection(Service service) {
        return switch (service) {
            case SCHEDULE -> "/api/schedules";
            case RESERVATION -> "/api/reservations";
            case MILEAGE -> "/api/customers";
            case NOTIFICATION -> "/api/notifications";
            case HISTORY -> "/api/history";
            case PAYMENT -> "/api/payments";
        };
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
