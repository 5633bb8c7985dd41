package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Events;
import com.msaair.systemtest.support.Events.Event;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.SystemStack;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Booking and cancelling against the real services, with everything up. */
@Order(2)
@ExtendWith(SystemStack.class)
class BookingIT {

    @Test
    void aBookingIsConfirmedReadableAndAnnouncedWithTheFullEnvelope() {
        JsonObject flight = Api.registerFlight(10, 1200);
        JsonObject customer = Api.registerCustomer();

        Http.Reply reply = Api.book(Api.customerId(customer), id(flight), 3);

        assertThat(reply.status()).isEqualTo(201);
        JsonObject reservation = reply.json();
        assertThat(reservation.getString("status")).isEqualTo("CONFIRMED");
        assertThat(reservation.getInt("miles")).as("flight miles x passengers, computed by the server").isEqualTo(3600);
        assertThat(reservation.getBoolean("customerVerified")).isTrue();
        assertThat(flight.getJsonObject("fare").toString()).isEqualTo("{\"amount\":125000,\"currency\":\"KRW\"}");
        assertThat(reservation.getJsonObject("price").toString()).as("the flight's fare x passengers, fixed by the server")
                .isEqualTo("{\"amount\":375000,\"currency\":\"KRW\"}");
        assertThat(reply.header("Location")).as("a path: the client resolves it against the URI it used").contains("/api/reservations/" + id(reservation));
        assertThat(Http.get(Api.url(Service.RESERVATION, reply.header("Location").orElseThrow()), Api.as(Api.customerId(customer))).json()).isEqualTo(reservation);

        Event created = Eventually.await("ReservationCreated on reservation-events",
                () -> Events.correlated("reservation-events", "ReservationCreated", id(reservation)), events -> !events.isEmpty()).get(0);
        assertThat(created.record().key()).as("keyed by customer").isEqualTo(Api.customerId(customer));
        JsonObject envelope = created.envelope();
        assertThat(UUID.fromString(envelope.getString("eventId"))).isNotNull();
        assertThat(Instant.parse(envelope.getString("occurredAt"))).isBeforeOrEqualTo(Instant.now());
        assertThat(envelope.getString("customerId")).isEqualTo(Api.customerId(customer));
        assertThat(envelope.getString("correlationId")).isEqualTo(String.valueOf(id(reservation)));
        assertThat(created.data().getJsonNumber("reservationId").longValue()).isEqualTo(id(reservation));
        assertThat(created.data().getInt("miles")).isEqualTo(3600);
        assertThat(created.data().getJsonObject("price")).isEqualTo(reservation.getJsonObject("price"));
        assertThat(created.data().getInt("passengers")).isEqualTo(3);
        assertThat(created.data().getJsonNumber("scheduleId").longValue()).isEqualTo(id(flight));
    }

    @Test
    void anUnknownFlightIsNotFoundAndACancelledFlightIsAConflict() {
        String customer = Api.newCustomer();
        Http.Reply unknown = Api.book(customer, 987_654_321L, 1);
        assertThat(unknown.status()).isEqualTo(404);
        assertProblemNaming(unknown, "scheduleId");

        JsonObject flight = Api.registerFlight(10, 500);
        assertThat(Api.cancelFlight((id(flight))).status()).isEqualTo(200);
        Api.awaitCancelledInReservation(id(flight));
        Http.Reply cancelled = Api.book(customer, id(flight), 1);
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.json().getString("type")).endsWith("flight-cancelled");
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        JsonObject flight = Api.registerFlight(10, 500);
        // Staff booking for someone who is not a customer: mileage says so (asked with the manager's token).
        Http.Reply reply = Http.post(Api.url(Service.RESERVATION, "/api/reservations"),
                "{\"customerId\":\"nobody-987654321\",\"scheduleId\":" + id(flight) + ",\"passengers\":1,\"paymentMethod\":\"pm_card_visa\"}", "application/json",
                Api.authorization(Api.manager()));
        assertThat(reply.status()).isEqualTo(404);
        assertProblemNaming(reply, "customerId");
    }

    static Stream<Arguments> badBookings() {
        return Stream.of(
                Arguments.of("{}", 400, List.of("scheduleId", "passengers", "paymentMethod")),
                // A payment method is a processor's token: a card number (or anything else) is refused, never stored or logged.
                Arguments.of("{\"customerId\":\"c-1\",\"scheduleId\":1,\"passengers\":1,\"paymentMethod\":\"4242424242424242\"}", 400, List.of("paymentMethod")),
                Arguments.of("{\"customerId\":\"c-1\",\"scheduleId\":1,\"passengers\":1,\"paymentMethod\":\"visa\"}", 400, List.of("paymentMethod")),
                Arguments.of("{\"customerId\":\"c-1\",\"scheduleId\":1,\"passengers\":1,\"paymentMethod\":\"pm_CARD_VISA\"}", 400, List.of("paymentMethod")),
                Arguments.of("{\"customerId\":\"c-1\",\"scheduleId\":1,\"passengers\":1,\"paymentMethod\":4242}", 400, List.of("paymentMethod")),
                Arguments.of("{\"customerId\":\"c-1\",\"scheduleId\":1,\"passengers\":1}", 400, List.of("paymentMethod")),
                Arguments.of("{\"customerId\":\"c-1\",\"scheduleId\":1,\"passengers\":0}", 400, List.of("passengers")),
                Arguments.of("{\"customerId\":\"c-1\",\"scheduleId\":1,\"passengers\":10}", 400, List.of("passengers")),
                Arguments.of("{\"customerId\":\"c-1\",\"scheduleId\":1,\"passengers\":\"2\"}", 400, List.of("passengers")),
                Arguments.of("{\"customerId\":-1,\"scheduleId\":1,\"passengers\":1}", 400, List.of("customerId")),
                Arguments.of("{\"customerId\":1,\"scheduleId\":1,\"passengers\":1}", 400, List.of("customerId")),
                Arguments.of("{\"customerId\":\"\",\"scheduleId\":1,\"passengers\":1}", 400, List.of("customerId")),
                Arguments.of("{\"customerId\":\"-c1\",\"scheduleId\":1,\"passengers\":1}", 400, List.of("customerId")),
                Arguments.of("{\"customerId\":\"c 1\",\"scheduleId\":1,\"passengers\":1}", 400, List.of("customerId")),
                Arguments.of("{\"scheduleId\":1,\"passengers\":1,\"paymentMethod\":\"pm_card_visa\"}", 400, List.of("customerId")),
                Arguments.of("{\"customerId\":1.5,\"scheduleId\":1,\"passengers\":1}", 400, List.of("customerId")),
                Arguments.of("{\"customerId\":\"c-1\",\"scheduleId\":1,\"passengers\":1,\"miles\":99999}", 400, List.of("miles")),
                Arguments.of("{\"customerId\":\"c-1\",\"scheduleId\":99999999999999999999999,\"passengers\":1}", 400, List.of("scheduleId")),
                Arguments.of("[1,2,3]", 400, List.of("body")),
                Arguments.of("null", 400, List.of("body")),
                Arguments.of("{\"customerId\":", 400, List.of("body")));
    }

    @ParameterizedTest
    @MethodSource("badBookings")
    void badBookingRequestsNameTheFieldAndChangeNothing(String body, int status, List<String> fields) {
        // As staff, who must name the customer (a customer's own id comes from the token).
        long before = reservationsOf("c-1");
        Http.Reply reply = Http.post(Api.url(Service.RESERVATION, "/api/reservations"), body, "application/json", Api.authorization(Api.manager()));
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        fields.forEach(field -> assertProblemNaming(reply, field));
        assertThat(reservationsOf("c-1")).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        Http.Reply reply = Http.post(Api.url(Service.RESERVATION, "/api/reservations"), "customerId=1", "application/x-www-form-urlencoded",
                Api.authorization(Api.manager()));
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    static Stream<Arguments> badSchedules() {
        String later = Instant.now().plusSeconds(86_400 * 40).toString();
        String laterStill = Instant.now().plusSeconds(86_400 * 40 + 3600).toString();
        String past = Instant.now().minusSeconds(3600).toString();
        return Stream.of(
                Arguments.of(schedule("ICN", "ICN", later, laterStill, 100), 422, "destination"),
                Arguments.of(schedule("ICN", "CJU", laterStill, later, 100), 422, "arrivalTime"),
                Arguments.of(schedule("ICN", "CJU", past, later, 100), 422, "departureTime"),
                Arguments.of(schedule("ICN", "CJU", later, laterStill, 901), 400, "seatCapacity"),
                Arguments.of(schedule("icn", "CJU", later, laterStill, 100), 400, "origin"),
                Arguments.of(schedule("ICN", "CJU", "tomorrow", laterStill, 100), 400, "departureTime"),
                Arguments.of(schedule("ICN", "CJU", later, laterStill, 100, null), 400, "fare"),
                Arguments.of(schedule("ICN", "CJU", later, laterStill, 100, "125000"), 400, "fare"),
                Arguments.of(schedule("ICN", "CJU", later, laterStill, 100, "{\"amount\":0,\"currency\":\"KRW\"}"), 400, "fare.amount"),
                Arguments.of(schedule("ICN", "CJU", later, laterStill, 100, "{\"amount\":-5,\"currency\":\"KRW\"}"), 400, "fare.amount"),
                Arguments.of(schedule("ICN", "CJU", later, laterStill, 100, "{\"amount\":1250.5,\"currency\":\"USD\"}"), 400, "fare.amount"),
                Arguments.of(schedule("ICN", "CJU", later, laterStill, 100, "{\"amount\":\"125000\",\"currency\":\"KRW\"}"), 400, "fare.amount"),
                Arguments.of(schedule("ICN", "CJU", later, laterStill, 100, "{\"amount\":10000000001,\"currency\":\"KRW\"}"), 400, "fare.amount"),
                Arguments.of(schedule("ICN", "CJU", later, laterStill, 100, "{\"amount\":125000,\"currency\":\"ABC\"}"), 400, "fare.currency"),
                Arguments.of(schedule("ICN", "CJU", later, laterStill, 100, "{\"amount\":125000,\"currency\":\"XXX\"}"), 400, "fare.currency"),
                Arguments.of(schedule("ICN", "CJU", later, laterStill, 100, "{\"amount\":125000,\"currency\":\"krw\"}"), 400, "fare.currency"),
                Arguments.of(schedule("ICN", "CJU", later, laterStill, 100, "{\"amount\":125000}"), 400, "fare.currency"),
                Arguments.of(schedule("ICN", "CJU", later, laterStill, 100, "{\"amount\":125000,\"currency\":\"KRW\",\"tax\":10}"), 400, "fare.tax"));
    }

    @ParameterizedTest
    @MethodSource("badSchedules")
    void badSchedulesNameTheField(String body, int status, String field) {
        Http.Reply reply = Http.post(Api.url(Service.SCHEDULE, "/api/schedules"), body, "application/json", Api.authorization(Api.manager()));
        assertThat(reply.status()).isEqualTo(status);
        assertProblemNaming(reply, field);
    }

    @Test
    void fiftyConcurrentBookingsOfTenSeatsConfirmExactlyTen() throws Exception {
        JsonObject flight = Api.registerFlight(10, 700);
        String customer = Api.newCustomer();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            replies.add(pool.submit(() -> {
                start.await();
                return Api.book(customer, id(flight), 1);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Http.Reply> reply : replies) {
            Http.Reply r = reply.get();
            statuses.add(r.status());
            if (r.status() == 409) {
                assertThat(r.json().getString("type")).endsWith("sold-out");
            }
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(40);
        assertThat(reservationsOf(customer)).isEqualTo(10);
    }

    @Test
    void theSameIdempotencyKeyMakesOneReservationEvenWhenSentConcurrently() throws Exception {
        JsonObject flight = Api.registerFlight(50, 700);
        String customer = Api.newCustomer();
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());

        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Callable<Http.Reply>> sameRequest = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sameRequest.add(() -> Api.book(customer, id(flight), 2, key));
        }
        List<Http.Reply> replies = new ArrayList<>();
        for (Future<Http.Reply> reply : pool.invokeAll(sameRequest)) {
            replies.add(reply.get());
        }
        pool.shutdown();
        // A replay that arrives while the first request is still charging sees the booking as it stands: HELD, 202.
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isIn(201, 202));
        assertThat(replies).filteredOn(r -> r.header("Idempotent-Replayed").isEmpty()).singleElement()
                .satisfies(first -> assertThat(first.status()).as("the request that booked, paid").isEqualTo(201));
        assertThat(replies.stream().map(r -> id(r.json())).distinct()).hasSize(1);
        assertThat(replies).filteredOn(r -> r.header("Idempotent-Replayed").isPresent()).hasSize(4);

        Http.Reply again = Api.book(customer, id(flight), 2, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(id(again.json())).isEqualTo(id(replies.get(0).json()));
        assertThat(reservationsOf(customer)).isEqualTo(1);

        Http.Reply different = Api.book(customer, id(flight), 3, key);
        assertThat(different.status()).isEqualTo(422);
        assertProblemNaming(different, "Idempotency-Key");
    }

    @Test
    void anIdempotencyKeyIsItsCustomersOwnSoAnotherCustomerUsingItFirstBlocksNothingAndLearnsNothing() {
        JsonObject flight = Api.registerFlight(10, 700);
        String minji = Api.newCustomer();
        String mallory = Api.newCustomer();
        // The README's own example of a key: guessable, and used first by someone else.
        Map<String, String> key = Map.of("Idempotency-Key", "minji-" + UUID.randomUUID().toString().substring(0, 8) + "-2027-03-01");

        Http.Reply first = Api.book(mallory, id(flight), 1, key);
        Http.Reply own = Api.book(minji, id(flight), 2, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(own.status()).as("not 422: the key is not taken for her").isEqualTo(201);
        assertThat(own.header("Idempotent-Replayed")).as("a booking of her own, not a replay of his").isEmpty();
        assertThat(own.json().getString("customerId")).isEqualTo(minji);
        assertThat(id(own.json())).isNotEqualTo(id(first.json()));
        assertThat(reservationsOf(minji)).isEqualTo(1);
        assertThat(reservationsOf(mallory)).isEqualTo(1);

        Http.Reply again = Api.book(minji, id(flight), 2, key);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(id(again.json())).as("her retry answers her booking").isEqualTo(id(own.json()));
        Http.Reply otherTerms = Api.book(minji, id(flight), 3, key);
        assertThat(otherTerms.status()).as("her own key reused for other terms, as before").isEqualTo(422);
        assertProblemNaming(otherTerms, "Idempotency-Key");
        assertThat(Http.get(Api.url(Service.RESERVATION, "/api/flights/" + id(flight) + "/seats")).json().getInt("seatsAvailable"))
                .as("one seat his, two hers").isEqualTo(7);
    }

    @Test
    void cancellingReleasesTheSeatsAndASecondCancelIsAConflict() {
        JsonObject flight = Api.registerFlight(2, 700);
        String customer = Api.newCustomer();
        JsonObject first = Api.booked(customer, id(flight), 2);
        assertThat(Api.book(customer, id(flight), 1).status()).as("sold out").isEqualTo(409);

        Http.Reply cancelled = Api.cancel(id(first));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.json().getString("cancellationReason")).isEqualTo("CUSTOMER_REQUEST");
        assertThat(Api.reservation(id(first)).getString("status")).as("kept, not deleted").isEqualTo("CANCELLED");

        assertThat(Api.book(customer, id(flight), 2).status()).as("seats returned").isEqualTo(201);
        Http.Reply again = Api.cancel(id(first));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("type")).endsWith("reservation-cancelled");
        assertThat(Api.cancel(987_654_321L).status()).isEqualTo(404);
    }

    @Test
    void cancellingAFlightCancelsEachOfItsBookingsWithOneEventEach() {
        JsonObject flight = Api.registerFlight(20, 900);
        List<Long> reservations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reservations.add(id(Api.booked(Api.newCustomer(), id(flight), 1)));
        }
        long alreadyCancelled = id(Api.booked(Api.newCustomer(), id(flight), 1));
        assertThat(Api.cancel(alreadyCancelled).status()).isEqualTo(200);

        assertThat(Api.cancelFlight((id(flight))).status()).isEqualTo(200);

        Event scheduleCancelled = Eventually.await("ScheduleCancelled", () -> Events.correlated("schedule-events", "ScheduleCancelled", id(flight)),
                events -> events.size() == 1).get(0);
        for (long reservation : reservations) {
            Eventually.await("reservation " + reservation + " cancelled by the airline", () -> Api.reservation(reservation),
                    r -> r.getString("status").equals("CANCELLED") && r.getString("cancellationReason").equals("FLIGHT_CANCELLED"));
            List<Event> cancelled = Eventually.await("its ReservationCancelled",
                    () -> Events.correlated("reservation-events", "ReservationCancelled", reservation), events -> !events.isEmpty());
            assertThat(cancelled).hasSize(1);
            assertThat(cancelled.get(0).data().getString("reason")).isEqualTo("FLIGHT_CANCELLED");
            assertThat(cancelled.get(0).causationId()).contains(scheduleCancelled.eventId());
        }
        assertThat(Events.correlated("reservation-events", "ReservationCancelled", alreadyCancelled))
                .as("a booking cancelled before keeps its single cancellation").hasSize(1);
        assertThat(Api.reservation(alreadyCancelled).getString("cancellationReason")).isEqualTo("CUSTOMER_REQUEST");
    }

    @Test
    void ofTwoConcurrentCancellationsOfAFlightOneSucceedsAndTheOtherIsAConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long flight = id(Api.registerFlight(10, 100));
                CountDownLatch start = new CountDownLatch(1);
                Callable<Integer> cancel = () -> {
                    start.await();
                    return Api.cancelFlight((flight)).status();
                };
                Future<Integer> first = pool.submit(cancel);
                Future<Integer> second = pool.submit(cancel);
                start.countDown();
                assertThat(List.of(first.get(), second.get())).as("flight " + flight).containsExactlyInAnyOrder(200, 409);
                assertThat(Eventually.await("its ScheduleCancelled", () -> Events.correlated("schedule-events", "ScheduleCancelled", flight),
                        events -> !events.isEmpty())).as("announced once").hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertProblemNaming(Http.Reply reply, String field) {
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(error -> ((JsonString) error.get("field")).getString())
                .contains(field);
    }

    private static long reservationsOf(String customer) {
        return Http.get(Api.url(Service.RESERVATION, "/api/reservations?customerId=" + customer), Api.manager()).json().getJsonNumber("totalItems").longValue();
    }

    private static String schedule(String origin, String destination, String departure, String arrival, int seats) {
        return schedule(origin, destination, departure, arrival, seats, "{\"amount\":125000,\"currency\":\"KRW\"}");
    }

    /** @param fare the fare member's JSON, or null for none */
    private static String schedule(String origin, String destination, String departure, String arrival, int seats, String fare) {
        return "{\"flightNumber\":\"KE9" + (100 + (int) (Math.random() * 800)) + "\",\"origin\":\"" + origin + "\",\"destination\":\"" + destination
                + "\",\"departureTime\":\"" + departure + "\",\"arrivalTime\":\"" + arrival + "\",\"seatCapacity\":" + seats + ",\"miles\":500"
                + (fare == null ? "" : ",\"fare\":" + fare) + "}";
    }
}
