package com.msaair.systemtest.support;

import com.msaair.localstack.Identities;
import com.msaair.localstack.Identities.Person;
import com.msaair.localstack.Service;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The services' APIs in the terms the tests use: register a flight, a customer, book, read miles —
 * each as the person who may: flights as a manager (the realm's demo user sora), a customer's bookings
 * and views as that customer (a user of the realm made for the test, signed in with the password grant).
 */
public final class Api {

    private static final AtomicInteger FLIGHTS = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));
    /** Customer id (the token's subject) → the person. */
    private static final Map<String, Person> CUSTOMERS = new ConcurrentHashMap<>();

    private Api() {}

    public static URI url(Service service, String path) {
        return SystemStack.server(service).uri().resolve(path);
    }

    /** "Bearer …" of the realm's demo manager. */
    public static String manager() {
        return identities().bearer("sora", "dev-only-sora");
    }

    /** "Bearer …" of the realm's demo operator. */
    public static String operator() {
        return identities().bearer("ops", "dev-only-ops");
    }

    /** "Bearer …" of reservation's service identity: what payment takes, and only, for a charge. */
    public static String service() {
        return identities().serviceBearer();
    }

    /** "Bearer …" of customer {@code customerId} (one this run registered). */
    public static String as(String customerId) {
        Person person = CUSTOMERS.get(customerId);
        if (person == null) {
            throw new IllegalArgumentException("No customer " + customerId + " was registered by these tests");
        }
        return identities().bearer(person);
    }

    public static Map<String, String> authorization(String bearer) {
        return Map.of("Authorization", bearer);
    }

    /** A person of the realm with the customer role who is not a customer yet. */
    public static Person newPerson() {
        return identities().newUser("c-" + UUID.randomUUID().toString().substring(0, 12), "customer");
    }

    /** Registers a flight nobody else uses (its own flight number and day), departing weeks from now, with the generic layout of {@code seats}. */
    public static JsonObject registerFlight(int seats, int miles) {
        return registerFlight(null, seats, miles);
    }

    /** Registers a flight of an aircraft type of schedule's catalogue (A321: 30 rows of ABC|DEF), its capacity the type's. */
    public static JsonObject registerFlight(String aircraftType, int miles) {
        return registerFlight(aircraftType, 0, miles);
    }

    private static JsonObject registerFlight(String aircraftType, int seats, int miles) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant departure = Instant.now().truncatedTo(ChronoUnit.HOURS)
                    .plus(30 + ThreadLocalRandom.current().nextInt(3000), ChronoUnit.DAYS);
            var body = Json.createObjectBuilder()
                    .add("flightNumber", "MT" + (1000 + FLIGHTS.incrementAndGet() % 9000))
                    .add("origin", "ICN")
                    .add("destination", "CJU")
                    .add("departureTime", departure.toString())
                    .add("arrivalTime", departure.plus(70, ChronoUnit.MINUTES).toString())
                    .add("miles", miles)
                    .add("fare", Json.createObjectBuilder().add("amount", 125_000).add("currency", "KRW"));
            if (aircraftType == null) {
                body.add("seatCapacity", seats);
            } else {
                body.add("aircraftType", aircraftType);
            }
            Http.Reply reply = Http.post(url(Service.SCHEDULE, "/api/schedules"), body.build(), authorization(manager()));
            if (reply.status() == 201) {
                return reply.json();
            }
            if (reply.status() != 409) {
                throw new AssertionError("Could not register a flight: " + reply);
            }
        }
        throw new AssertionError("Could not find a free flight number and day");
    }

    /** A new person of the realm who becomes a customer ({@code POST /api/customers} with their own token). */
    public static JsonObject registerCustomer() {
        Person person = newPerson();
        Http.Reply reply = becomeCustomer(person);
        if (reply.status() != 201) {
            throw new AssertionError("Could not register a customer: " + reply);
        }
        return reply.json();
    }

    /** {@code POST /api/customers} as {@code person}; on 201 they are a customer these tests can act as. */
    public static Http.Reply becomeCustomer(Person person) {
        Http.Reply reply = Http.post(url(Service.MILEAGE, "/api/customers"),
                Json.createObjectBuilder().add("name", "Customer " + person.username()).add("email", person.username() + "@example.com").build(),
                authorization(identities().bearer(person)));
        if (reply.status() == 201) {
            CUSTOMERS.put(person.subject(), person);
        }
        return reply;
    }

    /** Lets the tests act as {@code person}, who became a customer some other way. */
    public static void remember(Person person) {
        CUSTOMERS.put(person.subject(), person);
    }

    /** Registers a customer and answers their id. */
    public static String newCustomer() {
        return customerId(registerCustomer());
    }

    public static String customerId(JsonObject customer) {
        return customer.getString("id");
    }

    /** The sandbox processor's card that is always approved. */
    public static final String VISA = "pm_card_visa";

    /** Books as the customer themselves (the token says who; the body names nobody), paying with the card that is approved. */
    public static Http.Reply book(String customerId, long scheduleId, int passengers) {
        return book(customerId, scheduleId, passengers, Map.of());
    }

    public static Http.Reply book(String customerId, long scheduleId, int passengers, Map<String, String> headers) {
        return book(customerId, scheduleId, passengers, VISA, headers);
    }

    /** Books paying with {@code paymentMethod} (a sandbox test method: pm_card_declined, pm_card_slow, ...). */
    public static Http.Reply book(String customerId, long scheduleId, int passengers, String paymentMethod, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Authorization", as(customerId));
        return Http.post(url(Service.RESERVATION, "/api/reservations"), Json.createObjectBuilder()
                .add("scheduleId", scheduleId).add("passengers", passengers).add("paymentMethod", paymentMethod).build(), all);
    }

    /** Books the seats named (one passenger each) as the customer themselves, paying with {@code paymentMethod}. */
    public static Http.Reply bookSeats(String customerId, long scheduleId, List<String> seats, String paymentMethod) {
        JsonArrayBuilder named = Json.createArrayBuilder();
        seats.forEach(named::add);
        return Http.post(url(Service.RESERVATION, "/api/reservations"), Json.createObjectBuilder().add("scheduleId", scheduleId)
                .add("passengers", seats.size()).add("seats", named).add("paymentMethod", paymentMethod).build(), authorization(as(customerId)));
    }

    /** The flight's seat map as anyone sees it ({@code GET /api/flights/{id}/seats}). */
    public static JsonObject seatMap(long scheduleId) {
        Http.Reply reply = Http.get(url(Service.RESERVATION, "/api/flights/" + scheduleId + "/seats"));
        if (reply.status() != 200) {
            throw new AssertionError("No seat map of flight " + scheduleId + ": " + reply);
        }
        return reply.json();
    }

    /** Each seat of the flight that is not FREE, with its state (HELD or TAKEN). */
    public static Map<String, String> occupiedSeats(long scheduleId) {
        Map<String, String> occupied = new java.util.TreeMap<>();
        for (JsonObject seat : seatMap(scheduleId).getJsonArray("seats").getValuesAs(JsonObject.class)) {
            if (!seat.getString("state").equals("FREE")) {
                occupied.put(seat.getString("seat"), seat.getString("state"));
            }
        }
        return occupied;
    }

    /** A booking's seats as its view shows them. */
    public static List<String> seatsOf(JsonObject reservation) {
        return reservation.getJsonArray("seats").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    /** Books with {@code bearer}'s token and nothing else: whoever the token says books for themselves. */
    public static Http.Reply bookAs(String bearer, long scheduleId, int passengers) {
        return Http.post(url(Service.RESERVATION, "/api/reservations"), Json.createObjectBuilder()
                .add("scheduleId", scheduleId).add("passengers", passengers).add("paymentMethod", VISA).build(), authorization(bearer));
    }

    /**
     * Books and insists on a confirmed booking: 201, or 202 (the charge took longer than the booking
     * waits, as it may on a busy machine) and then CONFIRMED once the charge went through in the
     * background, as a client polling the Location would see it.
     */
    public static JsonObject booked(String customerId, long scheduleId, int passengers) {
        return confirmed(book(customerId, scheduleId, passengers));
    }

    /** Books the seats named and insists on a confirmed booking, as {@link #booked} does. */
    public static JsonObject bookedSeats(String customerId, long scheduleId, List<String> seats) {
        return confirmed(bookSeats(customerId, scheduleId, seats, VISA));
    }

    private static JsonObject confirmed(Http.Reply reply) {
        if (reply.status() == 202) {
            long id = id(reply.json());
            JsonObject settled = Eventually.await("held reservation " + id + " charged in the background", java.time.Duration.ofMinutes(2),
                    () -> reservation(id), r -> !"HELD".equals(r.getString("status")));
            if (!"CONFIRMED".equals(settled.getString("status"))) {
                throw new AssertionError("Booking " + id + " was held and then not confirmed: " + settled);
            }
            return settled;
        }
        if (reply.status() != 201) {
            throw new AssertionError("Booking failed: " + reply);
        }
        return reply.json();
    }

    /** Cancels as staff (a manager may cancel any booking). */
    public static Http.Reply cancel(long reservationId) {
        return Http.delete(url(Service.RESERVATION, "/api/reservations/" + reservationId), manager());
    }

    public static Http.Reply cancelFlight(long scheduleId) {
        return Http.delete(url(Service.SCHEDULE, "/api/schedules/" + scheduleId), manager());
    }

    /**
     * Waits until reservation's replica of the flight has heard of its cancellation (ScheduleCancelled):
     * a booking answers from the replica, so one made before that is taken (and then cancelled with its
     * flight: FaultToleranceIT).
     */
    public static void awaitCancelledInReservation(long scheduleId) {
        Eventually.await("the cancellation in reservation's replica", () -> {
            Http.Reply seats = Http.get(url(Service.RESERVATION, "/api/flights/" + scheduleId + "/seats"));
            return seats.status() == 200 ? seats.json().getString("status") : "not in the replica yet";
        }, "CANCELLED"::equals);
    }

    public static JsonObject reservation(long reservationId) {
        return Http.get(url(Service.RESERVATION, "/api/reservations/" + reservationId), manager()).json();
    }

    public static long balance(String customerId) {
        return Http.get(url(Service.MILEAGE, "/api/customers/" + customerId + "/mileage"), as(customerId)).json().getJsonNumber("balance").longValue();
    }

    public static JsonArray ledger(String customerId) {
        return Http.get(url(Service.MILEAGE, "/api/customers/" + customerId + "/mileage?size=100"), as(customerId)).json()
                .getJsonObject("ledger").getJsonArray("items");
    }

    public static JsonArray notifications(String customerId) {
        return Http.get(url(Service.NOTIFICATION, "/api/notifications?size=100"), as(customerId)).items();
    }

    /** The customer's payments, as the customer sees them. */
    public static JsonArray payments(String customerId) {
        return Http.get(url(Service.PAYMENT, "/api/payments?size=100"), as(customerId)).items();
    }

    public static JsonArray history(String customerId) {
        return Http.get(url(Service.HISTORY, "/api/history?size=100"), as(customerId)).items();
    }

    public static long id(JsonObject resource) {
        return resource.getJsonNumber("id").longValue();
    }

    private static Identities identities() {
        return SystemStack.identities();
    }
}
