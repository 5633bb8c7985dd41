package com.msaair.systemtest;

import static com.msaair.systemtest.BookingIT.assertProblemNaming;
import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.LibertyServer;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.MoneyAudit;
import com.msaair.systemtest.support.SystemStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seats, against the real services (issue 27): a seat named is HELD with its booking, TAKEN once paid
 * and FREE the moment the booking ends (cancelled, declined, expired — that one in PaymentIT, which waits
 * out a hold once for both — its flight cancelled); a seat is
 * never sold twice — fifty requests for one seat make one booking and one charge, also across two
 * reservation replicas on one database (PostgreSQL); a party that names no seats sits together; and
 * whatever a client sends as seats, a seat that is not one is a 400 naming {@code seats}.
 */
@Order(3)
@ExtendWith(SystemStack.class)
class SeatIT {

    private static final String SLOW = "pm_card_slow";

    /** An A321 (30 rows of ABC|DEF, 180 seats) whose seat map reservation shows. */
    private static long a321() {
        long flight = id(Api.registerFlight("A321", 500));
        Eventually.await("flight " + flight + "'s seat map", () -> Http.get(Api.url(Service.RESERVATION, "/api/flights/" + flight + "/seats")).status(),
                status -> status == 200);
        return flight;
    }

    @Test
    void aFlightOfAnAircraftTypeShowsItsSeatMapInScheduleAndEverySeatInReservation() {
        long flight = a321();
        JsonObject schedule = Http.get(Api.url(Service.SCHEDULE, "/api/schedules/" + flight)).json();
        assertThat(schedule.getString("aircraftType")).isEqualTo("A321");
        assertThat(schedule.getInt("seatCapacity")).isEqualTo(180);
        assertThat(schedule.getJsonObject("seatMap")).isEqualTo(Json.createObjectBuilder().add("rows", 30).add("letters", "ABCDEF")
                .add("aisles", Json.createArrayBuilder().add("C|D")).build());

        JsonObject map = Api.seatMap(flight);
        assertThat(map.getString("aircraftType")).isEqualTo("A321");
        assertThat(map.getInt("rows")).isEqualTo(30);
        assertThat(map.getString("letters")).isEqualTo("ABCDEF");
        assertThat(map.getJsonArray("aisles").toString()).isEqualTo("[\"C|D\"]");
        assertThat(map.getJsonArray("seats")).hasSize(180);
        assertThat(map.getJsonArray("seats").getJsonObject(0)).isEqualTo(Json.createObjectBuilder().add("seat", "1A").add("state", "FREE").build());
        assertThat(map.getJsonArray("seats").getJsonObject(179).getString("seat")).isEqualTo("30F");
        assertThat(List.of(map.getInt("free"), map.getInt("held"), map.getInt("taken"), map.getInt("seatsAvailable"))).containsExactly(180, 0, 0, 180);

        // A flight registered with only a capacity, as every client did before: rows of six, the last row shorter.
        long generic = id(Api.registerFlight(10, 500));
        JsonObject genericSchedule = Http.get(Api.url(Service.SCHEDULE, "/api/schedules/" + generic)).json();
        assertThat(genericSchedule.getString("aircraftType")).isEqualTo("GENERIC");
        assertThat(genericSchedule.getJsonObject("seatMap").getInt("rows")).isEqualTo(2);
        JsonObject genericMap = Eventually.await("the generic flight's seat map", () -> Http.get(Api.url(Service.RESERVATION,
                "/api/flights/" + generic + "/seats")), reply -> reply.status() == 200).json();
        assertThat(genericMap.getJsonArray("seats").getValuesAs(JsonObject.class)).extracting(s -> s.getString("seat"))
                .containsExactly("1A", "1B", "1C", "1D", "1E", "1F", "2A", "2B", "2C", "2D");
    }

    @Test
    void aFlightIsRegisteredByAKnownAircraftTypeWhoseCapacityIsItsOwn() {
        String body = "{\"flightNumber\":\"ZZ1\",\"origin\":\"ICN\",\"destination\":\"CJU\",\"departureTime\":\"2031-01-01T09:00:00Z\","
                + "\"arrivalTime\":\"2031-01-01T10:00:00Z\",\"miles\":100,\"fare\":{\"amount\":1000,\"currency\":\"KRW\"},";
        for (Map.Entry<String, String> bad : Map.of(
                "\"aircraftType\":\"A999\"", "aircraftType",
                "\"aircraftType\":\"a321\"", "aircraftType",
                "\"aircraftType\":\"\\uff21321\"", "aircraftType",
                "\"aircraftType\":\"" + "A".repeat(10_000) + "\"", "aircraftType",
                "\"aircraftType\":\"A321\",\"seatCapacity\":100", "seatCapacity",
                "\"aircraftType\":\"GENERIC\"", "seatCapacity").entrySet()) {
            Http.Reply reply = Http.post(Api.url(Service.SCHEDULE, "/api/schedules"), body + bad.getKey() + "}", "application/json",
                    Api.authorization(Api.manager()));
            assertThat(reply.status()).as(bad.getKey().length() > 60 ? "10 kB" : bad.getKey()).isEqualTo(400);
            assertProblemNaming(reply, bad.getValue());
        }
    }

    @Test
    void namedSeatsAreHeldWhileUnpaidTakenOncePaidAndFreeTheMomentTheBookingIsCancelled() {
        long flight = a321();
        String customer = Api.newCustomer();
        Http.Reply held = Api.bookSeats(customer, flight, List.of("12B", "12A"), SLOW);
        assertThat(held.status()).as(held.toString()).isEqualTo(202);
        long reservation = id(held.json());
        assertThat(Api.seatsOf(held.json())).containsExactly("12A", "12B");
        assertThat(Api.occupiedSeats(flight)).isEqualTo(Map.of("12A", "HELD", "12B", "HELD"));
        assertCounts(flight, 178, 2, 0);

        Eventually.await("confirmed once the slow charge lands", Duration.ofSeconds(SystemStack.HOLD_SECONDS), () -> Api.reservation(reservation),
                r -> r.getString("status").equals("CONFIRMED"));
        assertThat(Api.occupiedSeats(flight)).isEqualTo(Map.of("12A", "TAKEN", "12B", "TAKEN"));
        assertCounts(flight, 178, 0, 2);

        Http.Reply cancelled = Http.delete(Api.url(Service.RESERVATION, "/api/reservations/" + reservation), Api.as(customer));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(Api.seatsOf(cancelled.json())).as("the booking keeps what it had").containsExactly("12A", "12B");
        assertThat(Api.occupiedSeats(flight)).as("free at once").isEmpty();
        assertCounts(flight, 180, 0, 0);
        assertThat(Api.seatsOf(Api.bookedSeats(Api.newCustomer(), flight, List.of("12A")))).as("bookable again").containsExactly("12A");
        MoneyAudit.assertConsistent(List.of(customer));
    }

    @Test
    void aDeclinedPaymentFreesTheSeatsAtOnce() {
        long flight = a321();
        String customer = Api.newCustomer();
        Http.Reply declined = Api.bookSeats(customer, flight, List.of("3C", "3D"), "pm_card_declined");
        assertThat(declined.status()).as(declined.toString()).isEqualTo(402);
        assertThat(Api.occupiedSeats(flight)).isEmpty();
        assertCounts(flight, 180, 0, 0);
        Api.bookedSeats(customer, flight, List.of("3C", "3D"));
        assertThat(Api.occupiedSeats(flight)).isEqualTo(Map.of("3C", "TAKEN", "3D", "TAKEN"));
        MoneyAudit.assertConsistent(List.of(customer));
    }

    @Test
    void fiftyConcurrentBookingsOfOneSeatMakeOneBookingAndOneChargeAndFortyNineConflictsNamingTheSeat() throws Exception {
        long flight = a321();
        List<String> customers = List.of(Api.newCustomer(), Api.newCustomer(), Api.newCustomer(), Api.newCustomer(), Api.newCustomer());
        List<Http.Reply> replies = atOnce(50, i -> Api.bookSeats(customers.get(i % customers.size()), flight, List.of("7C"), Api.VISA));
        assertOneWinnerAndConflictsNaming(replies, "7C");
        awaitNoneHeld(flight);
        assertThat(Api.occupiedSeats(flight)).isEqualTo(Map.of("7C", "TAKEN"));
        assertCounts(flight, 179, 0, 1);
        long payments = customers.stream().mapToLong(c -> Api.payments(c).size()).sum();
        assertThat(payments).as("one charge: the refused never reached payment").isEqualTo(1);
        MoneyAudit.assertConsistent(customers);
    }

    @Test
    void twentyConcurrentBookingsOfOverlappingPairsNeverShareASeatAndTheCountsAgree() throws Exception {
        long flight = a321();
        List<String> customers = List.of(Api.newCustomer(), Api.newCustomer(), Api.newCustomer(), Api.newCustomer());
        // 5A-5B, 5B-5C, 5C-5D, ... 8B-8C: each pair shares a seat with the next.
        List<String> row = new ArrayList<>();
        for (int r = 5; r <= 8; r++) {
            for (char letter : "ABCDEF".toCharArray()) {
                row.add(r + String.valueOf(letter));
            }
        }
        List<Http.Reply> replies = atOnce(20, i -> Api.bookSeats(customers.get(i % customers.size()), flight, row.subList(i, i + 2), Api.VISA));
        List<Http.Reply> booked = replies.stream().filter(r -> r.status() == 201 || r.status() == 202).toList();
        assertThat(booked).as("the first of any two neighbours books").isNotEmpty();
        for (Http.Reply refused : replies.stream().filter(r -> !booked.contains(r)).toList()) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().getString("type")).endsWith("seat-taken");
            assertProblemNaming(refused, "seats");
        }
        List<String> seats = booked.stream().flatMap(r -> Api.seatsOf(r.json()).stream()).toList();
        assertThat(seats).as("no seat in two bookings").doesNotHaveDuplicates().hasSize(2 * booked.size());
        awaitNoneHeld(flight);
        assertThat(Api.occupiedSeats(flight).keySet()).containsExactlyInAnyOrderElementsOf(seats);
        assertCounts(flight, 180 - seats.size(), 0, seats.size());
        MoneyAudit.assertConsistent(customers);
    }

    @Test
    void aPartyOfThreeNamingNoSeatsSitsInOneRowWithNoAisleBetween() {
        long flight = a321();
        String customer = Api.newCustomer();
        // Row 1 broken up: 1B and 1E taken, no three together there.
        Api.bookedSeats(customer, flight, List.of("1B", "1E"));
        JsonObject party = Api.booked(customer, flight, 3);
        List<String> seats = Api.seatsOf(party);
        assertThat(seats).hasSize(3);
        assertThat(seats.stream().map(s -> s.substring(0, s.length() - 1)).distinct()).as("one row").hasSize(1);
        String letters = seats.stream().map(s -> s.substring(s.length() - 1)).collect(Collectors.joining());
        assertThat(List.of("ABC", "DEF")).as("next to each other, no aisle between").contains(letters);
        assertThat(Api.occupiedSeats(flight)).containsKeys(seats.toArray(String[]::new));
        // A lone passenger next fills a gap rather than breaking up a free block of three.
        List<String> single = Api.seatsOf(Api.booked(customer, flight, 1));
        assertThat(List.of("1A", "1C", "1D", "1F")).containsAll(single);
    }

    @Test
    void seatsThatAreNotSeatsOfTheFlightOrNotOnePerPassengerAre400NamingSeatsAndChangeNothing() {
        long flight = a321();
        String customer = Api.newCustomer();
        String tenKilobytes = "\"" + "1A".repeat(5_000) + "\"";
        List<String> bad = List.of("[\"0A\"]", "[\"99Z\"]", "[\"31A\"]", "[\"1G\"]", "[\"1a\"]", "[" + tenKilobytes + "]", "[\"\\uff11\\uff21\"]",
                "[\"1\\u0410\"]", "[\"1A\",\"1A\"]", "[\"1A\",\"1B\",\"1C\"]", "[\"1A\\u0000\"]", "[12]", "\"1A\"", "{\"seat\":\"1A\"}");
        for (String seats : bad) {
            int passengers = seats.startsWith("[\"1A\",\"1B\",\"1C\"") ? 2 : seats.startsWith("[\"1A\",\"1A\"") ? 2 : 1;
            Http.Reply reply = Http.post(Api.url(Service.RESERVATION, "/api/reservations"), "{\"scheduleId\":" + flight + ",\"passengers\":" + passengers
                    + ",\"seats\":" + seats + ",\"paymentMethod\":\"pm_card_visa\"}", "application/json", Api.authorization(Api.as(customer)));
            String what = seats.length() > 60 ? "10 kB" : seats;
            assertThat(reply.status()).as(what + " " + reply).isEqualTo(400);
            assertProblemNaming(reply, "seats");
            assertThat(reply.body()).as(what).doesNotContain("1A1A1A");
        }
        assertThat(Http.get(Api.url(Service.RESERVATION, "/api/reservations"), Api.as(customer)).json().getInt("totalItems")).isZero();
        assertThat(Api.occupiedSeats(flight)).isEmpty();
        assertThat(Api.payments(customer)).isEmpty();
    }

    @Test
    void aCancelledFlightFreesEverySeatOnce() {
        long flight = a321();
        String customer = Api.newCustomer();
        long paid = id(Api.bookedSeats(customer, flight, List.of("1A", "1B")));
        Http.Reply held = Api.bookSeats(customer, flight, List.of("2A"), "pm_card_error");
        assertThat(held.status()).isEqualTo(202);
        long cancelledBefore = id(Api.bookedSeats(customer, flight, List.of("3A", "3B", "3C")));
        assertThat(Api.cancel(cancelledBefore).status()).isEqualTo(200);
        assertThat(Api.occupiedSeats(flight)).isEqualTo(Map.of("1A", "TAKEN", "1B", "TAKEN", "2A", "HELD"));

        assertThat(Api.cancelFlight(flight).status()).isEqualTo(200);
        for (long reservation : List.of(paid, id(held.json()))) {
            Eventually.await("reservation " + reservation + " cancelled with its flight", () -> Api.reservation(reservation),
                    r -> r.getString("status").equals("CANCELLED"));
        }
        JsonObject map = Api.seatMap(flight);
        assertThat(map.getString("status")).isEqualTo("CANCELLED");
        assertThat(Api.occupiedSeats(flight)).isEmpty();
        assertCounts(flight, 180, 0, 0);
        assertThat(Api.cancel(paid).status()).as("cancelled once").isEqualTo(409);
        assertCounts(flight, 180, 0, 0);
        MoneyAudit.assertConsistent(List.of(customer));
    }

    /**
     * Two reservation servers on one database (PostgreSQL: embedded Derby belongs to one JVM), the
     * requests for one seat split between them: one booking, one charge.
     */
    @Test
    void oneSeatRequestedThroughTwoReplicasOfReservationIsSoldOnce() throws Exception {
        Assumptions.assumeTrue(SystemStack.onPostgres(), "two replicas share a database on PostgreSQL");
        LibertyServer second = SystemStack.stack().newServer(Service.RESERVATION, "reservation-2", 9193 + SystemStack.portOffset(),
                        SystemStack.stack().layout().data().resolve("servers-reservation-2"))
                .env(SystemStack.database().clientEnvironment("reservation"))
                .env(SystemStack.RESERVATION_SETTINGS);
        second.start();
        try {
            second.awaitReady(SystemStack.START_TIMEOUT);
            long flight = a321();
            List<String> customers = List.of(Api.newCustomer(), Api.newCustomer(), Api.newCustomer(), Api.newCustomer());
            List<Http.Reply> replies = atOnce(50, i -> {
                URI server = i % 2 == 0 ? Api.url(Service.RESERVATION, "/api/reservations") : URI.create(second.uri() + "/api/reservations");
                String customer = customers.get(i % customers.size());
                return Http.post(server, "{\"scheduleId\":" + flight + ",\"passengers\":1,\"seats\":[\"9D\"],\"paymentMethod\":\"pm_card_visa\"}",
                        "application/json", Api.authorization(Api.as(customer)));
            });
            assertOneWinnerAndConflictsNaming(replies, "9D");
            awaitNoneHeld(flight);
            assertThat(Api.occupiedSeats(flight)).isEqualTo(Map.of("9D", "TAKEN"));
            assertCounts(flight, 179, 0, 1);
            assertThat(customers.stream().mapToLong(c -> Api.payments(c).size()).sum()).as("one charge").isEqualTo(1);
            MoneyAudit.assertConsistent(customers);
        } finally {
            second.stop();
        }
    }

    // ---- helpers

    private static void assertOneWinnerAndConflictsNaming(List<Http.Reply> replies, String seat) {
        Map<Integer, Long> statuses = replies.stream().collect(Collectors.groupingBy(Http.Reply::status, TreeMap::new, Collectors.counting()));
        assertThat(statuses.getOrDefault(201, 0L) + statuses.getOrDefault(202, 0L)).as("one booking " + statuses).isEqualTo(1);
        assertThat(statuses.getOrDefault(409, 0L)).as("the others refused " + statuses).isEqualTo(replies.size() - 1);
        for (Http.Reply refused : replies.stream().filter(r -> r.status() == 409).toList()) {
            assertThat(refused.json().getString("type")).endsWith("seat-taken");
            assertThat(refused.json().getString("detail")).contains(seat);
            assertProblemNaming(refused, "seats");
            assertThat(refused.body()).as("never whose").doesNotContain("customerId");
        }
    }

    /** Free, held and taken as the map shows them; free is also the flight's count of seats left. */
    private static void assertCounts(long flight, int free, int held, int taken) {
        JsonObject map = Api.seatMap(flight);
        assertThat(List.of(map.getInt("free"), map.getInt("held"), map.getInt("taken"), map.getInt("seatsAvailable")))
                .as("free, held, taken, seatsAvailable of flight " + flight).containsExactly(free, held, taken, free);
        Set<String> states = new HashSet<>();
        map.getJsonArray("seats").getValuesAs(JsonObject.class).forEach(s -> states.add(s.getString("state")));
        assertThat(List.of("FREE", "HELD", "TAKEN")).containsAll(states);
    }

    /** A booking answered 202 on a busy machine is confirmed in the background: wait until no seat of the flight is held. */
    private static void awaitNoneHeld(long flight) {
        Eventually.await("no seat of flight " + flight + " held", Duration.ofSeconds(SystemStack.HOLD_SECONDS + 30),
                () -> Api.seatMap(flight).getInt("held"), held -> held == 0);
    }

    /** {@code count} requests released at the same moment. */
    private static List<Http.Reply> atOnce(int count, IntFunction<Http.Reply> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Http.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit((Callable<Http.Reply>) () -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<Http.Reply> replies = new ArrayList<>();
            for (Future<Http.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
