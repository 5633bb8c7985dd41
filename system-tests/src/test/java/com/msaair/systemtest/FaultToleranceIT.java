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

    @Test
    @Order(1)
    void withScheduleStoppedAKnownFlightIsBookedFromTheReplicaAndAnUnknownOneIsNotFound() {
        JsonObject flight = Api.registerFlight(50, 800);
        String customer = Api.newCustomer();
        Eventually.await("ScheduleCreated published", () -> Events.correlated("schedule-events", "ScheduleCreated", id(flight)), e -> !e.isEmpty());
        double opened = Metrics.value(Service.RESERVATION, "ft_circuitbreaker_opened_total", FLIGHT_CHECK);

        SystemStack.server(Service.SCHEDULE).stop();

        // The replica is fed by the ScheduleCreated event: once consumed, the flight is bookable without schedule.
        Http.Reply booked = Eventually.await("a booking answered from the replica", () -> Api.book(customer, id(flight), 1), r -> r.status() == 201);
        assertThat(booked.json().getInt("miles")).isEqualTo(800);
        Http.Reply unknown = Api.book(customer, 987_654_321L, 1);
        assertThat(unknown.status()).as("the replica knows no such flight").isEqualTo(404);

        for (int i = 0; i < 10; i++) {
            assertThat(Api.book(customer, id(flight), 1).status()).isEqualTo(201);
        }
        assertThat(Metrics.value(Service.RESERVATION, "ft_circuitbreaker_opened_total", FLIGHT_CHECK))
                .as("the breaker opened after the failures").isGreaterThan(opened);
        assertThat(Metrics.value(Service.RESERVATION, "ft_circuitbreaker_calls_total", FLIGHT_CHECK, "circuitBreakerOpen"))
                .as("calls were refused by the open breaker").isPositive();
        assertThat(Metrics.value(Service.RESERVATION, "ft_invocations_total", FLIGHT_CHECK, "fallback=\"applied\""))
                .as("the fallback answered").isPositive();
    }

    @Test
    @Order(2)
    void aHungScheduleServiceCostsTimeoutsUntilTheBreakerOpensThenBookingsAreFast() throws Exception {
        JsonObject flight = Api.registerFlight(60, 800);
        String customer = Api.newCustomer();
        Api.booked(customer, id(flight), 1); // the replica has this flight

        signal("STOP", SystemStack.server(Service.SCHEDULE)); // accepts connections, answers nothing
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Http.Reply reply = Api.book(customer, id(flight), 1);
            assertThat(reply.status()).isEqualTo(201);
            millis.add(reply.millis());
        }
        signal("CONT", SystemStack.server(Service.SCHEDULE));

        assertThat(millis.get(0)).as("the first call waits for the timeout").isGreaterThanOrEqualTo(900);
        assertThat(millis.subList(8, 12)).as("with the breaker open the replica answers at once: " + millis)
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
