package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.LibertyServer;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Events;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.Metrics;
import com.msaair.systemtest.support.MoneyAudit;
import com.msaair.systemtest.support.SystemStack;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paid bookings against the real payment service and its sandbox processor: each test payment method
 * end to end (the answer, the seats, the money, the customer's notifications and history), payment
 * down during a burst, kill -9 of payment and of reservation mid-charge, the last seats under
 * contention, and refunds exactly once. The test stack holds seats {@value #HOLD_SECONDS} s (not 15
 * minutes) so expiry is seen. Every test ends with the money audit ({@link MoneyAudit}).
 */
@Order(4)
@ExtendWith(SystemStack.class)
class PaymentIT {

    static final int HOLD_SECONDS = SystemStack.HOLD_SECONDS;
    private static final long FARE = 125_000;
    private static final String CHARGE = "PaymentCharges.charge";

    @AfterEach
    void paymentUpAndItsCircuitClosed() {
        for (Service service : List.of(Service.PAYMENT, Service.RESERVATION)) {
            LibertyServer server = SystemStack.server(service);
            if (!server.isRunning()) {
                server.start();
                server.awaitReady(SystemStack.START_TIMEOUT);
            }
        }
        SystemStack.awaitHealthy();
        long flight = id(Api.registerFlight(500, 100));
        String customer = Api.newCustomer();
        Eventually.await("the payment circuit closed (two paid bookings in a row)", Duration.ofSeconds(60),
                () -> Api.book(customer, flight, 1).status() == 201 && Api.book(customer, flight, 1).status() == 201, ok -> ok);
    }

    @Test
    void aPaidBookingIsConfirmedAtOnceAndEarnsItsMiles() {
        long flight = id(Api.registerFlight(10, 300));
        String customer = Api.newCustomer();
        Http.Reply reply = Api.book(customer, flight, 2, Api.VISA, Map.of());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonObject booking = reply.json();
        assertThat(booking.getString("status")).isEqualTo("CONFIRMED");
        assertThat(booking.getJsonObject("price").getJsonNumber("amount").longValue()).isEqualTo(2 * FARE);
        long reservation = id(booking);

        JsonObject payment = paymentOf(customer, reservation);
        assertThat(payment.getString("status")).isEqualTo("CAPTURED");
        assertThat(payment.getJsonObject("captured").getJsonNumber("amount").longValue()).isEqualTo(2 * FARE);
        assertThat(seatsLeft(flight)).isEqualTo(8);
        Eventually.await("miles on confirmation", () -> Api.balance(customer), b -> b == 600);
        Eventually.await("told, with the amount", () -> messages(customer), m -> m.stream().anyMatch(t -> t.contains("250,000 KRW paid")));
        Eventually.await("in the history, with the amount", () -> Api.history(customer), h -> h.getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("kind").equals("BOOKED") && e.getJsonObject("amount").getJsonNumber("amount").longValue() == 2 * FARE));
        MoneyAudit.assertConsistent(List.of(customer));
    }

    @Test
    void aDeclinedPaymentIs402WithTheProcessorsReasonAndTheSeatsGoBackAtOnce() {
        long flight = id(Api.registerFlight(4, 300));
        String customer = Api.newCustomer();
        for (String method : List.of("pm_card_declined", "pm_card_insufficient_funds")) {
            Http.Reply reply = Api.book(customer, flight, 3, method, Map.of());
            assertThat(reply.status()).as(reply.toString()).isEqualTo(402);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            String reason = method.equals("pm_card_declined") ? "card_declined" : "insufficient_funds";
            assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("paymentMethod");
            assertThat(reply.json().getString("detail")).contains(reason);
            assertThat(seatsLeft(flight)).as("the seats back at once").isEqualTo(4);
        }
        List<JsonObject> bookings = reservationsOf(customer);
        assertThat(bookings).hasSize(2).allSatisfy(r -> assertThat(r.getString("status")).isEqualTo("PAYMENT_FAILED"));
        assertThat(bookings).extracting(r -> r.getString("releaseReason")).containsExactlyInAnyOrder("card_declined", "insufficient_funds");
        assertThat(Api.book(customer, flight, 4).status()).as("the seats are bookable again").isEqualTo(201);

        Eventually.await("told of both declines", () -> messages(customer),
                m -> m.stream().filter(t -> t.contains("was declined")).count() == 2 && m.stream().anyMatch(t -> t.contains("insufficient funds")));
        Eventually.await("both in the history", () -> kinds(customer), k -> k.stream().filter("PAYMENT_FAILED"::equals).count() == 2);
        assertThat(Api.balance(customer)).as("miles only for the paid booking").isEqualTo(1200);
        MoneyAudit.assertConsistent(List.of(customer));
    }

    @Test
    void anUnknownPaymentMethodIs422NamingTheFieldAndTheSeatsGoBack() {
        long flight = id(Api.registerFlight(4, 300));
        String customer = Api.newCustomer();
        Http.Reply reply = Api.book(customer, flight, 2, "pm_card_nobody_knows", Map.of());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("paymentMethod");
        assertThat(seatsLeft(flight)).isEqualTo(4);
        MoneyAudit.assertConsistent(List.of(customer));
    }

    @Test
    void aSlowProcessorAnswers202HeldAndTheBookingIsConfirmedInTheBackground() {
        long flight = id(Api.registerFlight(4, 300));
        String customer = Api.newCustomer();
        Http.Reply reply = Api.book(customer, flight, 1, "pm_card_slow", Map.of());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(reply.json().getString("status")).isEqualTo("HELD");
        String location = Api.url(Service.RESERVATION, reply.header("Location").orElseThrow()).toString();
        assertThat(seatsLeft(flight)).as("a held booking's seats are taken").isEqualTo(3);
        JsonObject confirmed = Eventually.await("confirmed once the slow charge lands", Duration.ofSeconds(HOLD_SECONDS),
                () -> Http.get(java.net.URI.create(location), Api.as(customer)).json(), r -> r.getString("status").equals("CONFIRMED"));
        assertThat(confirmed.getString("status")).isEqualTo("CONFIRMED");
        Eventually.await("miles on confirmation", () -> Api.balance(customer), b -> b == 300);
        Eventually.await("told, with the amount", () -> messages(customer), m -> m.stream().anyMatch(t -> t.contains("125,000 KRW paid")));
        MoneyAudit.assertConsistent(List.of(customer));
    }

    @Test
    void aFailingProcessorAnswers202HeldAndTheHoldExpiresWithTheSeatsBackAndNothingTaken() {
        long flight = id(Api.registerFlight(4, 300));
        String customer = Api.newCustomer();
        Http.Reply reply = Api.book(customer, flight, 2, "pm_card_error", Map.of());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        long reservation = id(reply.json());
        assertThat(seatsLeft(flight)).isEqualTo(2);
        JsonObject expired = awaitStatus(customer, reservation, s -> !s.equals("HELD"), Duration.ofSeconds(HOLD_SECONDS + 30));
        assertThat(expired.getString("status")).isEqualTo("EXPIRED");
        assertThat(expired.getString("releaseReason")).isEqualTo("hold_expired");
        assertThat(seatsLeft(flight)).as("the seats back").isEqualTo(4);
        Eventually.await("told the hold expired", () -> messages(customer), m -> m.stream().anyMatch(t -> t.contains("not paid in time")));
        Eventually.await("in the history", () -> kinds(customer), k -> k.contains("HOLD_EXPIRED"));
        assertThat(Api.balance(customer)).as("no miles for an unpaid booking").isZero();
        MoneyAudit.assertConsistent(List.of(customer));
    }

    @Test
    void withPaymentStoppedDuringABurstEveryBookingIsHeldAndEndsConfirmedOrReleasedWithinTheHold() throws Exception {
        long flight = id(Api.registerFlight(100, 100));
        List<String> customers = List.of(Api.newCustomer(), Api.newCustomer(), Api.newCustomer(), Api.newCustomer());
        double opened = Metrics.value(Service.RESERVATION, "ft_circuitbreaker_opened_total", CHARGE);
        SystemStack.server(Service.PAYMENT).stop();

        List<Http.Reply> replies = burst(24, i -> Api.book(customers.get(i % customers.size()), flight, 1));
        assertThat(replies).extracting(Http.Reply::status).as("booking goes on without payment").allMatch(s -> s == 202 || s == 201);
        assertThat(replies).extracting(Http.Reply::status).contains(202);
        assertThat(Metrics.value(Service.RESERVATION, "ft_circuitbreaker_opened_total", CHARGE)).as("the circuit opened").isGreaterThan(opened);
        assertThat(seatsLeft(flight)).isEqualTo(100 - 24);

        SystemStack.server(Service.PAYMENT).start();
        SystemStack.server(Service.PAYMENT).awaitReady(SystemStack.START_TIMEOUT);
        List<Long> ids = replies.stream().map(r -> id(r.json())).toList();
        Map<Long, String> ended = awaitNoneHeld(customers, ids, Duration.ofSeconds(HOLD_SECONDS + 30));
        assertThat(ended.values()).as("confirmed once payment was back (or released, never left held)")
                .allMatch(s -> s.equals("CONFIRMED") || s.equals("EXPIRED"));
        assertThat(ended.values()).contains("CONFIRMED");
        long standing = ended.values().stream().filter("CONFIRMED"::equals).count();
        assertThat(seatsLeft(flight)).as("seats exact").isEqualTo(100 - standing);
        MoneyAudit.assertConsistent(customers);
    }

    @Test
    void fiftyConcurrentBookingsForTheLastTenSeatsPayForTenAndChargeNoneOfTheRefused() throws Exception {
        long flight = id(Api.registerFlight(10, 100));
        List<String> customers = List.of(Api.newCustomer(), Api.newCustomer(), Api.newCustomer(), Api.newCustomer(), Api.newCustomer());
        List<Http.Reply> replies = burst(50, i -> Api.book(customers.get(i % customers.size()), flight, 1));
        Map<Integer, Long> statuses = replies.stream().collect(Collectors.groupingBy(Http.Reply::status, Collectors.counting()));
        assertThat(statuses).as("10 paid, 40 sold out").isEqualTo(Map.of(201, 10L, 409, 40L));
        assertThat(seatsLeft(flight)).isZero();
        long charged = customers.stream().flatMap(c -> Api.payments(c).getValuesAs(JsonObject.class).stream())
                .filter(p -> p.getJsonObject("captured").getJsonNumber("amount").longValue() > 0).count();
        assertThat(charged).as("charges: the ten paid bookings, none of the refused").isEqualTo(10);
        MoneyAudit.assertConsistent(customers);
    }

    @Test
    void aCancellationIsRefundedExactlyOnceByTheCustomerAndWithTheFlight() {
        long flight = id(Api.registerFlight(10, 100));
        long other = id(Api.registerFlight(10, 100));
        String customer = Api.newCustomer();
        long byCustomer = id(Api.booked(customer, flight, 2));
        long withFlight = id(Api.booked(customer, other, 1));

        Http.Reply cancelled = Http.delete(Api.url(Service.RESERVATION, "/api/reservations/" + byCustomer), Api.as(customer));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().getJsonObject("refund").getJsonNumber("amount").longValue()).as("in full before departure").isEqualTo(2 * FARE);
        Http.Reply again = Http.delete(Api.url(Service.RESERVATION, "/api/reservations/" + byCustomer), Api.as(customer));
        assertThat(again.status()).isEqualTo(409);
        assertThat(Api.cancelFlight(other).status()).isEqualTo(200);

        for (long reservation : List.of(byCustomer, withFlight)) {
            JsonObject refunded = Eventually.await("the refund of " + reservation, () -> paymentOf(customer, reservation),
                    p -> p.getJsonObject("refunded").getJsonNumber("amount").longValue() > 0);
            assertThat(refunded.getJsonObject("refunded")).isEqualTo(refunded.getJsonObject("captured"));
        }
        Eventually.await("told of both refunds", () -> messages(customer), m -> m.stream().filter(t -> t.contains("was refunded")).count() == 2);
        Eventually.await("both in the history", () -> kinds(customer), k -> k.stream().filter("REFUNDED"::equals).count() == 2);
        Eventually.pause(2000); // long enough for a second refund to show, if there were one
        for (long reservation : List.of(byCustomer, withFlight)) {
            assertThat(Events.correlated("payment-events", "PaymentRefunded", reservation)).as("refunded once").hasSize(1);
        }
        assertThat(Api.balance(customer)).as("the miles reversed").isZero();
        MoneyAudit.assertConsistent(List.of(customer));
    }

    @Test
    void killedMidChargePaymentLosesNoMoneyAndChargesOnceWhenBack() {
        long flight = id(Api.registerFlight(10, 100));
        String customer = Api.newCustomer();
        // Killed while it waits on the slow test card: no answer was kept, no money taken; it charges again when back.
        Http.Reply slow = Api.book(customer, flight, 1, "pm_card_slow", Map.of());
        assertThat(slow.status()).isEqualTo(202);
        SystemStack.server(Service.PAYMENT).kill();
        SystemStack.server(Service.PAYMENT).start();
        SystemStack.server(Service.PAYMENT).awaitReady(SystemStack.START_TIMEOUT);
        Map<Long, String> ended = awaitNoneHeld(List.of(customer), List.of(id(slow.json())), Duration.ofSeconds(HOLD_SECONDS + 30));
        assertThat(ended).containsEntry(id(slow.json()), "CONFIRMED");
        assertThat(seatsLeft(flight)).isEqualTo(9);
        MoneyAudit.assertConsistent(List.of(customer));
    }

    @Test
    void killedInTheMiddleOfABurstReservationLeavesNoBookingHeldAndNoMoneyWithoutABooking() throws Exception {
        long flight = id(Api.registerFlight(60, 100));
        List<String> customers = List.of(Api.newCustomer(), Api.newCustomer(), Api.newCustomer());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger answered = new AtomicInteger();
        List<Future<?>> inFlight = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                String customer = customers.get(i % customers.size());
                inFlight.add(pool.submit(() -> {
                    try {
                        Api.book(customer, flight, 1);
                        answered.incrementAndGet();
                    } catch (RuntimeException e) {
                        // a request the kill cut off: its booking is whatever was committed
                    }
                }));
            }
            Eventually.await("ten bookings answered", Duration.ofSeconds(60), answered::get, n -> n >= 10);
            SystemStack.server(Service.RESERVATION).kill();
            for (Future<?> request : inFlight) {
                request.get();
            }
        } finally {
            pool.shutdownNow();
        }
        SystemStack.server(Service.RESERVATION).start();
        SystemStack.server(Service.RESERVATION).awaitReady(SystemStack.START_TIMEOUT);

        List<Long> ids = customers.stream().flatMap(c -> reservationsOf(c).stream()).map(Api::id).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(10);
        Map<Long, String> ended = awaitNoneHeld(customers, ids, Duration.ofSeconds(HOLD_SECONDS + 60));
        long standing = ended.values().stream().filter("CONFIRMED"::equals).count();
        assertThat(seatsLeft(flight)).as("seats exact").isEqualTo(60 - standing);
        MoneyAudit.assertConsistent(customers);
    }

    // ---- helpers

    private static Map<Long, String> awaitNoneHeld(Collection<String> customers, List<Long> ids, Duration within) {
        return Eventually.await("no booking left held", within, () -> {
            Map<Long, String> statuses = new HashMap<>();
            for (String customer : customers) {
                reservationsOf(customer).forEach(r -> statuses.put(id(r), r.getString("status")));
            }
            statuses.keySet().retainAll(Set.copyOf(ids));
            return statuses;
        }, s -> s.size() == ids.size() && !s.containsValue("HELD"));
    }

    private static JsonObject awaitStatus(String customer, long reservation, Predicate<String> status, Duration within) {
        return Eventually.await("reservation " + reservation, within,
                () -> Http.get(Api.url(Service.RESERVATION, "/api/reservations/" + reservation), Api.as(customer)).json(),
                r -> status.test(r.getString("status")));
    }

    private static List<JsonObject> reservationsOf(String customer) {
        return Http.get(Api.url(Service.RESERVATION, "/api/reservations?size=100"), Api.as(customer)).items().getValuesAs(JsonObject.class);
    }

    private static JsonObject paymentOf(String customer, long reservation) {
        return Api.payments(customer).getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getJsonNumber("reservationId").longValue() == reservation).findFirst()
                .orElseThrow(() -> new AssertionError("no payment of reservation " + reservation));
    }

    private static int seatsLeft(long flight) {
        return Http.get(Api.url(Service.RESERVATION, "/api/flights/" + flight + "/seats")).json().getInt("seatsAvailable");
    }

    private static List<String> messages(String customer) {
        return Api.notifications(customer).getValuesAs(JsonObject.class).stream().map(n -> n.getString("message")).toList();
    }

    private static List<String> kinds(String customer) {
        JsonArray history = Api.history(customer);
        return history.getValuesAs(JsonObject.class).stream().map(e -> e.getString("kind")).toList();
    }

    private interface Request {
        Http.Reply send(int i) throws Exception;
    }

    private static List<Http.Reply> burst(int count, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 25));
        try {
            List<Callable<Http.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                calls.add(() -> request.send(n));
            }
            List<Http.Reply> replies = new ArrayList<>();
            for (Future<Http.Reply> reply : pool.invokeAll(calls)) {
                replies.add(reply.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
