package com.msaair.systemtest.support;

import com.msaair.localstack.Service;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** The services' APIs in the terms the tests use: register a flight, a customer, book, read miles. */
public final class Api {

    private static final AtomicInteger FLIGHTS = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));

    private Api() {}

    public static URI url(Service service, String path) {
        return SystemStack.server(service).uri().resolve(path);
    }

    /** Registers a flight nobody else uses (its own flight number and day), departing weeks from now. */
    public static JsonObject registerFlight(int seats, int miles) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant departure = Instant.now().truncatedTo(ChronoUnit.HOURS)
                    .plus(30 + ThreadLocalRandom.current().nextInt(3000), ChronoUnit.DAYS);
            JsonObject body = Json.createObjectBuilder()
                    .add("flightNumber", "MT" + (1000 + FLIGHTS.incrementAndGet() % 9000))
                    .add("origin", "ICN")
                    .add("destination", "CJU")
                    .add("departureTime", departure.toString())
                    .add("arrivalTime", departure.plus(70, ChronoUnit.MINUTES).toString())
                    .add("seatCapacity", seats)
                    .add("miles", miles)
                    .build();
            Http.Reply reply = Http.post(url(Service.SCHEDULE, "/api/schedules"), body);
            if (reply.status() == 201) {
                return reply.json();
            }
            if (reply.status() != 409) {
                throw new AssertionError("Could not register a flight: " + reply);
            }
        }
        throw new AssertionError("Could not find a free flight number and day");
    }

    public static JsonObject registerCustomer() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Http.Reply reply = Http.post(url(Service.MILEAGE, "/api/customers"),
                Json.createObjectBuilder().add("name", "Customer " + id).add("email", "c-" + id + "@example.com").build());
        if (reply.status() != 201) {
            throw new AssertionError("Could not register a customer: " + reply);
        }
        return reply.json();
    }

    public static Http.Reply book(long customerId, long scheduleId, int passengers) {
        return book(customerId, scheduleId, passengers, Map.of());
    }

    public static Http.Reply book(long customerId, long scheduleId, int passengers, Map<String, String> headers) {
        return Http.post(url(Service.RESERVATION, "/api/reservations"), Json.createObjectBuilder()
                .add("customerId", customerId).add("scheduleId", scheduleId).add("passengers", passengers).build(), headers);
    }

    /** Books and insists on 201. */
    public static JsonObject booked(long customerId, long scheduleId, int passengers) {
        Http.Reply reply = book(customerId, scheduleId, passengers);
        if (reply.status() != 201) {
            throw new AssertionError("Booking failed: " + reply);
        }
        return reply.json();
    }

    public static Http.Reply cancel(long reservationId) {
        return Http.delete(url(Service.RESERVATION, "/api/reservations/" + reservationId));
    }

    public static JsonObject reservation(long reservationId) {
        return Http.get(url(Service.RESERVATION, "/api/reservations/" + reservationId)).json();
    }

    public static long balance(long customerId) {
        return Http.get(url(Service.MILEAGE, "/api/customers/" + customerId + "/mileage")).json().getJsonNumber("balance").longValue();
    }

    public static JsonArray ledger(long customerId) {
        return Http.get(url(Service.MILEAGE, "/api/customers/" + customerId + "/mileage?size=100")).json()
                .getJsonObject("ledger").getJsonArray("items");
    }

    public static JsonArray notifications(long customerId) {
        return Http.get(url(Service.NOTIFICATION, "/api/notifications?size=100&customerId=" + customerId)).items();
    }

    public static JsonArray history(long customerId) {
        return Http.get(url(Service.HISTORY, "/api/history?size=100&customerId=" + customerId)).items();
    }

    public static long id(JsonObject resource) {
        return resource.getJsonNumber("id").longValue();
    }
}
