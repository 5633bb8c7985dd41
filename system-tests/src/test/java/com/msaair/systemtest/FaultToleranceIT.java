package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Identities;
import com.msaair.localstack.LibertyServer;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Circuits;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Events;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.Metrics;
import com.msaair.systemtest.support.MoneyAudit;
import com.msaair.systemtest.support.SystemStack;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Booking goes on when what it depends on is down: the schedule service (its replica answers), the
 * mileage service (the customer is accepted unverified), Kafka (events wait in the outbox). Every
 * test puts back what it broke and leaves the circuit breakers closed.
 */
@Order(3)
@ExtendWith(SystemStack.class)
class FaultToleranceIT {

    private static final String FLIGHT_CHECK = Circuits.FLIGHT_CHECK;
    private static final String CUSTOMER_CHECK = Circuits.CUSTOMER_CHECK;

    @AfterEach
    void putBackWhatWasBroken() throws Exception {
        LibertyServer schedule = SystemStack.server(Service.SCHEDULE);
        signal("CONT", schedule);
        signal("CONT", SystemStack.server(Service.MILEAGE));
        for (Service service : List.of(Service.SCHEDULE, Service.MILEAGE)) {
            LibertyServer server = SystemStack.server(service);
            if (!server.isRunning()) {
                server.start();
                server.awaitReady(SystemStack.START_TIMEOUT);
            }
        }
        if (!SystemStack.stack().kafka().isRunning()) {
            SystemStack.stack().kafka().start(Duration.ofMinutes(1));
        }
        SystemStack.awaitHealthy();
        Circuits.awaitClosed(FLIGHT_CHECK);
        Circuits.awaitClosed(CUSTOMER_CHECK);
    }

    /**
     * A flight reservation's replica has is booked without asking schedule at all; schedule is asked only
     * about flights the replica does not have, and while it is down those are answered by the replica
     * (which has not got them either: 404) — through a breaker that opens.
     */
    @Test
    @Order(1)
    void withScheduleStoppedAKnownFlightIsBookedFromTheReplicaAndAnUnknownOneIsNotFound() {
        JsonObject flight = Api.registerFlight(50, 800);
        String customer = Api.newCustomer();
        Eventually.await("the flight in reservation's replica", () -> Http.get(Api.url(Service.RESERVATION, "/api/flights/" + id(flight) + "/seats")).status(),
                status -> status == 200);
        double opened = Metrics.value(Service.RESERVATION, "ft_circuitbreaker_opened_total", FLIGHT_CHECK);
        double asked = Metrics.value(Service.RESERVATION, "ft_invocations_total", FLIGHT_CHECK);

        SystemStack.server(Service.SCHEDULE).stop();

        for (int i = 0; i < 5; i++) {
            Http.Reply booked = Api.book(customer, id(flight), 1);
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
            assertThat(booked.json().getInt("miles")).isEqualTo(800);
        }
        assertThat(Metrics.value(Service.RESERVATION, "ft_invocations_total", FLIGHT_CHECK))
                .as("schedule is not asked about a flight the replica has").isEqualTo(asked);

        for (int i = 0; i < 12; i++) {
            Http.Reply unknown = Api.book(customer, 987_654_321L + i, 1);
            assertThat(unknown.status()).as("the replica knows no such flight").isEqualTo(404);
        }
        assertThat(Metrics.value(Service.RESERVATION, "ft_circuitbreaker_opened_total", FLIGHT_CHECK))
                .as("the breaker opened after the failures").isGreaterThan(opened);
        assertThat(Metrics.value(Service.RESERVATION, "ft_circuitbreaker_calls_total", FLIGHT_CHECK, "circuitBreakerOpen"))
                .as("calls were refused by the open breaker").isPositive();
        assertThat(Metrics.value(Service.RESERVATION, "ft_invocations_total", FLIGHT_CHECK, "fallback=\"applied\""))
                .as("the fallback answered").isPositive();
        assertThat(Api.book(customer, id(flight), 1).status()).as("and the known flight is still booked").isEqualTo(201);
    }

    @Test
    @Order(2)
    void aHungScheduleServiceCostsAFlightTheReplicaHasNothingAndOthersTimeoutsUntilTheBreakerOpens() throws Exception {
        JsonObject flight = Api.registerFlight(60, 800);
        String customer = Api.newCustomer();
        Api.booked(customer, id(flight), 1); // the replica has this flight

        signal("STOP", SystemStack.server(Service.SCHEDULE)); // accepts connections, answers nothing
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Http.Reply reply = Api.book(customer, id(flight), 1);
            assertThat(reply.status()).isEqualTo(201);
            known.add(reply.millis());
            Http.Reply nowhere = Api.book(customer, 987_654_321L + i, 1);
            assertThat(nowhere.status()).isEqualTo(404);
            unknown.add(nowhere.millis());
        }
        signal("CONT", SystemStack.server(Service.SCHEDULE));

        assertThat(known).as("a flight the replica has never waits for schedule: " + known).allSatisfy(ms -> assertThat(ms).isLessThan(500));
        assertThat(unknown.get(0)).as("the first flight it has not waits for the timeout").isGreaterThanOrEqualTo(900);
        assertThat(unknown.subList(8, 12)).as("with the breaker open the replica answers at once: " + unknown)
                .allSatisfy(ms -> assertThat(ms).isLessThan(500));
    }

    @Test
    @Order(3)
    void withMileageStoppedBookingStillSucceedsUnverified() {
        JsonObject flight = Api.registerFlight(10, 800);
        String customer = Api.newCustomer();

        SystemStack.server(Service.MILEAGE).stop();
        Http.Reply reply = Api.book(customer, id(flight), 2);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().getBoolean("customerVerified")).isFalse();
        assertThat(reply.millis()).as("no waiting on a dead service").isLessThan(5_000);
    }

    @Test
    @Order(4)
    void withKafkaStoppedBookingsSucceedAndEveryEventArrivesOnceAfterItIsBack() {
        JsonObject flight = Api.registerFlight(40, 500);
        String customer = Api.newCustomer();

        SystemStack.stack().kafka().stop();
        List<Long> reservations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Http.Reply reply = Api.book(customer, id(flight), 1);
            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.millis()).as("a booking never waits for Kafka").isLessThan(5_000);
            reservations.add(id(reply.json()));
        }
        long cancelled = reservations.get(0);
        assertThat(Api.cancel(cancelled).status()).isEqualTo(200);

        SystemStack.stack().kafka().start(Duration.ofMinutes(1));
        SystemStack.awaitHealthy();

        Map<String, Long> created = Eventually.await("all ReservationCreated events published",
                () -> countByCorrelation("ReservationCreated"), counts -> reservations.stream().allMatch(r -> counts.containsKey(String.valueOf(r))));
        reservations.forEach(r -> assertThat(created.get(String.valueOf(r))).as("reservation " + r + " announced once").isEqualTo(1L));
        Eventually.await("the cancellation published after its creation", () -> countByCorrelation("ReservationCancelled"),
                counts -> counts.getOrDefault(String.valueOf(cancelled), 0L) == 1L);
        Eventually.await("mileage caught up after Kafka came back", Duration.ofMinutes(2), () -> Api.balance(customer), balance -> balance == 9 * 500L);
    }

    /**
     * The flight check answers from reservation's replica, which hears of a cancellation through
     * ScheduleCancelled. Kafka stopped holds that event back: a flight the replica does not have yet is
     * asked of schedule, whose answer "cancelled" is a 409; a flight the replica has is booked and paid,
     * and once the event arrives the booking is cancelled with its flight and refunded in full — a
     * cancelled flight is never booked in effect.
     */
    @Test
    @Order(6)
    void aFlightCancelledInScheduleBeforeTheReplicaHeardOfItIsNeverBookedInEffect() {
        long flight = id(Api.registerFlight(10, 700));
        String customer = Api.newCustomer();
        Eventually.await("the flight in reservation's replica", () -> Http.get(Api.url(Service.RESERVATION, "/api/flights/" + flight + "/seats")).status(),
                status -> status == 200);

        SystemStack.stack().kafka().stop();
        assertThat(Api.cancelFlight(flight).status()).isEqualTo(200);
        long unheardOf = id(Api.registerFlight(10, 700));
        assertThat(Api.cancelFlight(unheardOf).status()).isEqualTo(200);

        Http.Reply live = Api.book(customer, unheardOf, 1);
        assertThat(live.status()).as("schedule's live answer, ahead of the replica: " + live).isEqualTo(409);
        assertThat(live.json().getString("type")).endsWith("flight-cancelled");
        Http.Reply booked = Api.book(customer, flight, 2);
        assertThat(booked.status()).as("the replica has not heard: " + booked).isEqualTo(201);
        long reservation = id(booked.json());

        SystemStack.stack().kafka().start(Duration.ofMinutes(1));
        SystemStack.awaitHealthy();
        JsonObject cancelled = Eventually.await("the booking cancelled with its flight", Duration.ofMinutes(2), () -> Api.reservation(reservation),
                r -> r.getString("status").equals("CANCELLED"));
        assertThat(cancelled.getString("cancellationReason")).isEqualTo("FLIGHT_CANCELLED");
        JsonObject refunded = Eventually.await("its payment refunded", Duration.ofMinutes(2), () -> Api.payments(customer).getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getJsonNumber("reservationId").longValue() == reservation).findFirst().orElseThrow(),
                p -> p.getJsonObject("refunded").getJsonNumber("amount").longValue() > 0);
        assertThat(refunded.getJsonObject("refunded")).as("in full").isEqualTo(refunded.getJsonObject("captured"));
        Eventually.await("the miles accrued and reversed", Duration.ofMinutes(2), () -> Api.ledger(customer), ledger -> ledger.size() == 2);
        assertThat(Api.balance(customer)).isZero();
        MoneyAudit.assertConsistent(List.of(customer));
    }

    private static Map<String, Long> countByCorrelation(String type) {
        return Events.on("reservation-events").stream()
                .filter(e -> e.type().equals(type))
                .collect(Collectors.groupingBy(Events.Event::correlationId, Collectors.counting()));
    }

    /**
     * MicroProfile Fault Tolerance has no reset: a breaker closes after its delay once calls succeed
     * again. Calls are made until two of them pass through the breaker successfully.
     */
    /**
     * The customer-check fallback opens no hole: while mileage cannot answer, a customer still books
     * only for themselves (the id comes from the token, never from the body). And a booking accepted
     * unverified for a signed-in person who becomes a customer before its event reaches mileage is
     * credited to them: customer ids are the identity provider's subjects, never given to anyone else.
     */
    @Test
    @Order(5)
    void whileMileageIsDownACustomerBooksOnlyForThemselvesAndIsCreditedOnceRegistered() throws Exception {
        long flight = id(Api.registerFlight(10, 900));
        String other = Api.newCustomer();
        Identities.Person person = Api.newPerson();
        String bearer = SystemStack.identities().bearer(person);
        SystemStack.stack().kafka().stop(); // the booking's event waits in reservation's outbox

        LibertyServer mileage = SystemStack.server(Service.MILEAGE);
        signal("STOP", mileage);
        Http.Reply forSomeoneElse = Http.post(Api.url(Service.RESERVATION, "/api/reservations"),
                "{\"customerId\":\"" + other + "\",\"scheduleId\":" + flight + ",\"passengers\":1,\"paymentMethod\":\"pm_card_visa\"}", "application/json", Api.authorization(bearer));
        Http.Reply booking = Api.bookAs(bearer, flight, 1);
        signal("CONT", mileage);
        assertThat(forSomeoneElse.status()).as(forSomeoneElse.toString()).isEqualTo(403);
        assertThat(booking.status()).isEqualTo(201);
        assertThat(booking.json().getBoolean("customerVerified")).isFalse();
        assertThat(booking.json().getString("customerId")).isEqualTo(person.subject());

        assertThat(Api.becomeCustomer(person).status()).isEqualTo(201);
        SystemStack.stack().kafka().start(Duration.ofMinutes(1));
        Eventually.await("the booking's miles credited to the person who made it", Duration.ofMinutes(2),
                () -> Api.balance(person.subject()), balance -> balance == 900);
        assertThat(Api.balance(other)).as("nothing credited to anyone else").isZero();
    }

    private static void signal(String signal, LibertyServer server) throws Exception {
        if (server.isRunning()) {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(server.pid())).inheritIO().start().waitFor();
        }
    }
}
