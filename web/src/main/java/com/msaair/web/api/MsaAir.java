package com.msaair.web.api;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The services' public APIs, as the web server calls them: with the signed-in person's access token
 * (or none, for what anyone may read), inside the cluster, never through the public gateway (whose
 * per-client limits are for browsers and API clients; the browser's requests to this server already
 * passed them). Nothing here widens what a person may do: the token decides, the services enforce.
 */
@ApplicationScoped
public class MsaAir {

    @Inject
    @ConfigProperty(name = "schedule.service.url", defaultValue = "http://localhost:9081")
    String schedule;

    @Inject
    @ConfigProperty(name = "reservation.service.url", defaultValue = "http://localhost:9082")
    String reservation;

    @Inject
    @ConfigProperty(name = "mileage.service.url", defaultValue = "http://localhost:9083")
    String mileage;

    @Inject
    @ConfigProperty(name = "notification.service.url", defaultValue = "http://localhost:9084")
    String notification;

    @Inject
    @ConfigProperty(name = "history.service.url", defaultValue = "http://localhost:9085")
    String history;

    private Client client;

    @PostConstruct
    void open() {
        // A booking waits for the charge (reservation gives up on the processor after 1.5 s and answers 202).
        client = ClientBuilder.newBuilder().connectTimeout(2, TimeUnit.SECONDS).readTimeout(20, TimeUnit.SECONDS).build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    // --- schedule ---

    public Reply searchFlights(String origin, String destination, String date, int page, int size) {
        Map<String, String> parameters = new java.util.HashMap<>();
        parameters.put("origin", origin);
        parameters.put("destination", destination);
        parameters.put("date", date);
        parameters.put("page", String.valueOf(page));
        parameters.put("size", String.valueOf(size));
        return get(schedule, "/api/schedules?" + query(parameters), null);
    }

    public Reply flight(long id) {
        return get(schedule, "/api/schedules/" + id, null);
    }

    public Reply registerFlight(JsonObject schedule, String token) {
        return post(this.schedule, "/api/schedules", schedule, token, Map.of());
    }

    public Reply cancelFlight(long id, String token) {
        return delete(schedule, "/api/schedules/" + id, token);
    }

    // --- reservation ---

    public Reply seats(long scheduleId) {
        return get(reservation, "/api/flights/" + scheduleId + "/seats", null);
    }

    public Reply book(JsonObject booking, String idempotencyKey, String token) {
        return post(reservation, "/api/reservations", booking, token, Map.of("Idempotency-Key", idempotencyKey));
    }

    public Reply reservation(long id, String token) {
        return get(reservation, "/api/reservations/" + id, token);
    }

    public Reply reservations(int page, int size, String token) {
        return get(reservation, "/api/reservations?page=" + page + "&size=" + size, token);
    }

    public Reply cancelReservation(long id, String token) {
        return delete(reservation, "/api/reservations/" + id, token);
    }

    /** Staff only: how the next flights are selling. */
    public Reply sales(String token) {
        return get(reservation, "/api/flights/sales", token);
    }

    // --- mileage ---

    public Reply customer(String id, String token) {
        return get(mileage, "/api/customers/" + encode(id), token);
    }

    public Reply becomeCustomer(String name, String email, String token) {
        return post(mileage, "/api/customers", Json.createObjectBuilder().add("name", name).add("email", email).build(), token, Map.of());
    }

    public Reply mileage(String id, int page, int size, String token) {
        return get(mileage, "/api/customers/" + encode(id) + "/mileage?page=" + page + "&size=" + size, token);
    }

    // --- notification, history ---

    public Reply notifications(int page, int size, String token) {
        return get(notification, "/api/notifications?page=" + page + "&size=" + size, token);
    }

    public Reply history(int page, int size, String token) {
        return get(history, "/api/history?page=" + page + "&size=" + size, token);
    }

    // --- the calls ---

    private Reply get(String base, String path, String token) {
        return call("GET " + path, request(base, path, token, Map.of())::get);
    }

    private Reply delete(String base, String path, String token) {
        return call("DELETE " + path, request(base, path, token, Map.of())::delete);
    }

    private Reply post(String base, String path, JsonObject body, String token, Map<String, String> headers) {
        return call("POST " + path, () -> request(base, path, token, headers).post(Entity.entity(body.toString(), MediaType.APPLICATION_JSON_TYPE)));
    }

    private Invocation.Builder request(String base, String path, String token, Map<String, String> headers) {
        Invocation.Builder request = client.target(base + path).request(MediaType.APPLICATION_JSON_TYPE, new MediaType("application", "problem+json"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return request;
    }

    private static Reply call(String what, java.util.function.Supplier<Response> send) {
        try (Response response = send.get()) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            return new Reply(response.getStatus(), parse(text));
        } catch (ProcessingException e) {
            throw new ServiceUnavailableException(what, e);
        }
    }

    static JsonValue parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            return null; // not JSON (a proxy's error page, say): the status says enough
        }
    }

    static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        new java.util.TreeMap<>(parameters).forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
