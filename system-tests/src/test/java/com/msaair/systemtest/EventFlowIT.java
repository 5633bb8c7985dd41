package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Identities;
import com.msaair.localstack.LibertyServer;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Events;
import com.msaair.systemtest.support.Events.Event;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.SystemStack;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Mileage, notifications and history follow bookings through events: once each, also after downtime. */
@Order(4)
@ExtendWith(SystemStack.class)
class EventFlowIT {

    @Test
    @Order(1)
    void theSeedsWalkthroughEndToEndWithCorrelationIds() {
        JsonObject customer = Api.registerCustomer();
        String customerId = Api.customerId(customer);
        JsonObject flight = Api.registerFlight(10, 1000);

        JsonObject reservation = Api.booked(customerId, id(flight), 3);
        long reservationId = id(reservation);
        Eventually.await("3 x 1000 miles accrued", () -> Api.balance(customerId), balance -> balance == 3000);
        JsonArray notified = Eventually.await("two notifications", () -> Api.notifications(customerId), n -> n.size() == 2);
        assertThat(messages(notified))
                .contains("3,000 miles added, balance 3,000.")
                .anyMatch(m -> m.startsWith("Reservation " + reservationId + " is confirmed"));
        JsonArray history = Eventually.await("registered, booked, miles added", () -> Api.history(customerId), h -> h.size() == 3);
        assertThat(kinds(history)).containsExactly("MILES_ADDED", "BOOKED", "REGISTERED");

        assertThat(Api.cancel(reservationId).status()).isEqualTo(200);
        Eventually.await("the booking's miles reversed", () -> Api.balance(customerId), balance -> balance == 0);
        Eventually.await("five notifications", () -> Api.notifications(customerId), n -> n.size() == 5);
        history = Eventually.await("cancelled, miles removed, refunded", () -> Api.history(customerId), h -> h.size() == 6);
        assertThat(kinds(history).subList(0, 3)).containsExactlyInAnyOrder("CANCELLED", "MILES_REMOVED", "REFUNDED");
        assertThat(history.getValuesAs(JsonObject.class)).filteredOn(h -> h.getString("kind").equals("MILES_REMOVED")).singleElement()
                .satisfies(h -> assertThat(h.getJsonNumber("balanceAfter").longValue()).isZero());
        assertThat(messages(Api.notifications(customerId)))
                .contains("3,000 miles removed, balance 0.", "Reservation " + reservationId + " is cancelled. Seats 1A, 1B, 1C are free again.",
                        "375,000 KRW was refunded for reservation " + reservationId + ".");

        // One correlation id ties the booking, its miles, its notifications and its history together...
        String correlation = String.valueOf(reservationId);
        assertThat(Api.notifications(customerId).getValuesAs(JsonObject.class)).allSatisfy(n -> assertThat(n.getString("correlationId")).isEqualTo(correlation));
        assertThat(Api.history(customerId).getValuesAs(JsonObject.class)).filteredOn(h -> !h.getString("kind").equals("REGISTERED"))
                .allSatisfy(h -> assertThat(h.getString("correlationId")).isEqualTo(correlation));
        // ...and each mileage event names the reservation event that caused it.
        Event created = Events.correlated("reservation-events", "ReservationCreated", reservationId).get(0);
        Event cancelled = Events.correlated("reservation-events", "ReservationCancelled", reservationId).get(0);
        assertThat(Events.correlated("mileage-events", "MileageIncreased", reservationId)).singleElement()
                .satisfies(e -> assertThat(e.causationId()).contains(created.eventId()));
        assertThat(Events.correlated("mileage-events", "MileageDecreased", reservationId)).singleElement()
                .satisfies(e -> assertThat(e.causationId()).contains(cancelled.eventId()));
    }

    @Test
    @Order(2)
    void consumersThatWereDownProcessWhatTheyMissedExactlyOnceAndUnknownCustomersAreParked() {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            customers.add(Api.newCustomer());
        }
        long flight = id(Api.registerFlight(100, 250));
        // Signed in with the customer role, but never became a customer (no mileage account).
        Identities.Person stranger = Api.newPerson();
        String unknownCustomer = stranger.subject();
        for (Service service : List.of(Service.MILEAGE, Service.NOTIFICATION, Service.HISTORY)) {
            Eventually.await(service + " caught up before it stops", () -> SystemStack.server(service).isReady(), ready -> ready);
        }
        List<LibertyServer> consumers = List.of(SystemStack.server(Service.MILEAGE), SystemStack.server(Service.NOTIFICATION),
                SystemStack.server(Service.HISTORY));
        all(consumers, LibertyServer::stop);

        Map<String, Long> expectedMiles = new HashMap<>();
        Map<String, Integer> events = new HashMap<>();
        Map<String, Integer> cancellations = new HashMap<>();
        List<Long> reservations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String customer = customers.get(i % customers.size());
            int passengers = 1 + i % 3;
            JsonObject booked = Api.booked(customer, flight, passengers);
            assertThat(booked.getBoolean("customerVerified")).as("mileage is down: accepted unverified").isFalse();
            reservations.add(id(booked));
            expectedMiles.merge(customer, 250L * passengers, Long::sum);
            events.merge(customer, 1, Integer::sum);
        }
        for (int i = 0; i < 5; i++) {
            JsonObject cancelled = Api.cancel(reservations.get(i * 3)).json();
            expectedMiles.merge(cancelled.getString("customerId"), -cancelled.getJsonNumber("miles").longValue(), Long::sum);
            events.merge(cancelled.getString("customerId"), 1, Integer::sum);
            cancellations.merge(cancelled.getString("customerId"), 1, Integer::sum);
        }
        long strangersBooking = id(Api.bookAs(SystemStack.identities().bearer(stranger), flight, 1).json());

        all(consumers, server -> {
            server.start();
            server.awaitReady(SystemStack.START_TIMEOUT);
        });

        for (String customer : customers) {
            long miles = expectedMiles.get(customer);
            int reservationEvents = events.get(customer);
            Eventually.await("customer " + customer + "'s balance", Duration.ofMinutes(2), () -> Api.balance(customer), balance -> balance == miles);
            assertThat(Api.ledger(customer)).as("one ledger entry per booking and per cancellation").hasSize(reservationEvents);
            // Booked: confirmed, miles added. Cancelled: cancelled, miles removed, refunded.
            int refunds = cancellations.getOrDefault(customer, 0);
            Eventually.await("customer " + customer + "'s notifications", () -> Api.notifications(customer).size(),
                    n -> n == 2 * reservationEvents + refunds);
            Eventually.await("customer " + customer + "'s history", () -> Api.history(customer).size(), n -> n == 1 + 2 * reservationEvents + refunds);
        }
        assertThat(customers.stream().flatMap(c -> Api.notifications(c).getValuesAs(JsonObject.class).stream())
                .map(n -> n.getString("eventId")).distinct().count()).as("no event notified twice")
                .isEqualTo(customers.stream().mapToLong(c -> Api.notifications(c).size()).sum());

        JsonObject parked = Eventually.await("the stranger's booking parked", () -> parkedFor(strangersBooking), p -> p != null);
        assertThat(parked.getString("reason")).contains("customer " + unknownCustomer + " is not registered");
        assertThat(parked.getString("eventType")).isEqualTo("ReservationCreated");
        Http.Reply retry = Http.post(Api.url(Service.MILEAGE, "/api/parked-events/" + id(parked) + "/retry"), Api.operator());
        assertThat(retry.status()).as("kept for an operator while the customer is unknown").isEqualTo(409);
        assertThat(parkedFor(strangersBooking)).as("still parked").isNotNull();
    }

    @Test
    @Order(3)
    void theHistoryViewRebuiltFromTheTopicsEqualsTheLiveOne() {
        List<String> customers = new ArrayList<>();
        long flight = id(Api.registerFlight(100, 300));
        for (int i = 0; i < 3; i++) {
            String customer = Api.newCustomer();
            customers.add(customer);
            long first = id(Api.booked(customer, flight, 1));
            Api.booked(customer, flight, 2);
            Api.cancel(first);
        }
        for (String customer : customers) {
            // registered; booked and miles added twice; cancelled, miles removed and refunded
            Eventually.await("live history of " + customer, () -> Api.history(customer).size(), n -> n == 8);
        }

        // A new consumer group reads every topic it consumes from offset zero into an empty database.
        int port = 9095 + SystemStack.portOffset();
        Path output = SystemStack.stack().layout().data().resolve("servers-rebuild");
        LibertyServer rebuilt = SystemStack.stack().newServer(Service.HISTORY, "history-rebuild", port, output)
                .env("CONSUMER_GROUP", "history-rebuild-" + UUID.randomUUID());
        rebuilt.start();
        try {
            rebuilt.awaitReady(SystemStack.START_TIMEOUT);
            for (String customer : customers) {
                JsonArray live = Api.history(customer);
                Eventually.await("rebuilt history of " + customer + " equal to the live one", Duration.ofMinutes(2),
                        () -> Http.get(rebuilt.uri().resolve("/api/history?size=100&customerId=" + customer), Api.as(customer)).items(), live::equals);
            }
        } finally {
            rebuilt.stop();
        }
    }

    private static JsonObject parkedFor(long reservationId) {
        return Http.get(Api.url(Service.MILEAGE, "/api/parked-events?size=100"), Api.operator()).items().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getJsonNumber("reservationId").longValue() == reservationId)
                .findFirst().orElse(null);
    }

    private static void all(List<LibertyServer> servers, java.util.function.Consumer<LibertyServer> action) {
        CompletableFuture.allOf(servers.stream().map(s -> CompletableFuture.runAsync(() -> action.accept(s))).toArray(CompletableFuture[]::new)).join();
    }

    private static List<String> messages(JsonArray notifications) {
        return notifications.getValuesAs(JsonObject.class).stream().map(n -> n.getString("message")).toList();
    }

    private static List<String> kinds(JsonArray history) {
        return history.getValuesAs(JsonObject.class).stream().map(h -> h.getString("kind")).toList();
    }
}
