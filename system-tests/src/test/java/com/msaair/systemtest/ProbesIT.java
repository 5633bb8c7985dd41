package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.LibertyServer;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.SystemStack;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The probes Kubernetes acts on mean what they say, and a stopping server lets go gracefully. */
@Order(9)
@ExtendWith(SystemStack.class)
class ProbesIT {

    @AfterEach
    void putBack() throws Exception {
        new ProcessBuilder("kill", "-CONT", String.valueOf(SystemStack.server(Service.SCHEDULE).pid())).start().waitFor();
        if (!SystemStack.database().isRunning()) {
            SystemStack.database().start(Duration.ofMinutes(1));
        }
        if (!SystemStack.stack().kafka().isRunning()) {
            SystemStack.stack().kafka().start(Duration.ofMinutes(1));
        }
        for (Service service : Service.values()) {
            if (!SystemStack.server(service).isRunning()) {
                SystemStack.server(service).start();
                SystemStack.server(service).awaitReady(SystemStack.START_TIMEOUT);
            }
        }
        SystemStack.awaitHealthy();
    }

    @Test
    void readinessFollowsTheDatabaseWhileLivenessStaysUp() {
        LibertyServer mileage = SystemStack.server(Service.MILEAGE);
        assertThat(mileage.healthStatus("/health/ready")).isEqualTo(200);

        SystemStack.database().stop(); // mileage's database is a Derby Network Server in this stack

        Http.Reply notReady = Eventually.await("mileage not ready", () -> Http.get(Api.url(Service.MILEAGE, "/health/ready")), r -> r.status() == 503);
        assertThat(notReady.json().getJsonArray("checks").getValuesAs(JsonObject.class))
                .anySatisfy(check -> {
                    assertThat(check.getString("name")).isEqualTo("database");
                    assertThat(check.getString("status")).isEqualTo("DOWN");
                });
        assertThat(mileage.healthStatus("/health/live")).as("an outage of a dependency is no reason to restart").isEqualTo(200);

        SystemStack.database().start(Duration.ofMinutes(1));
        Eventually.await("mileage ready again", () -> mileage.healthStatus("/health/ready"), status -> status == 200);
        String customer = Api.newCustomer();
        assertThat(Http.get(Api.url(Service.MILEAGE, "/api/customers/" + customer), Api.as(customer)).status()).isEqualTo(200);
    }

    @Test
    void aConsumerStuckOnAMessageSaysSoOnReadinessNamingTheChannelAndWhy() {
        String customer = Api.newCustomer();
        long flight = id(Api.registerFlight(10, 250));
        Eventually.await("the customer is known to mileage", () -> Api.balance(customer), balance -> balance == 0);

        SystemStack.database().stop(); // mileage's database; its consumer will hold the booking's event and wait
        id(Api.booked(customer, flight, 1));

        JsonObject stuck = Eventually.await("mileage's consumer reported stuck, waiting for the database", Duration.ofSeconds(75),
                () -> progressCheck(Http.get(Api.url(Service.MILEAGE, "/health/ready")).json()),
                check -> check != null && check.getString("status").equals("DOWN")
                        && check.getJsonObject("data").getString("reservation-events", "").contains("waiting for the database"));
        assertThat(stuck.getJsonObject("data").getString("reservation-events"))
                .contains("no progress for").contains("reservation-events/").contains("waiting for the database");
        assertThat(SystemStack.server(Service.MILEAGE).healthStatus("/health/live")).as("waiting is no reason to restart").isEqualTo(200);

        SystemStack.database().start(Duration.ofMinutes(1));
        Eventually.await("the waiting event applied once the database is back", () -> Api.balance(customer), balance -> balance == 250);
        Eventually.await("and the consumer reported making progress", () -> progressCheck(Http.get(Api.url(Service.MILEAGE, "/health/ready")).json()),
                check -> check != null && check.getString("status").equals("UP"));
    }

    private static JsonObject progressCheck(JsonObject health) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("kafka-consumer-progress")).findFirst().orElse(null);
    }

    @Test
    void reservationStaysReadyWithoutKafkaItsOutboxHoldsTheEvents() {
        SystemStack.stack().kafka().stop();
        String customer = Api.newCustomer();
        assertThat(Api.book(customer, id(Api.registerFlight(10, 100)), 1).status()).isEqualTo(201);
        assertThat(SystemStack.server(Service.RESERVATION).healthStatus("/health/ready")).isEqualTo(200);
        assertThat(SystemStack.server(Service.RESERVATION).healthStatus("/health/live")).isEqualTo(200);
    }

    @Test
    void aStoppingServerFinishesTheBookingInFlightAndTakesNoNewOnes() throws Exception {
        String customer = Api.newCustomer();
        long flight = id(Api.registerFlight(10, 100));
        Api.booked(customer, flight, 1); // warm: the replica and the customer are known
        LibertyServer reservation = SystemStack.server(Service.RESERVATION);

        // This booking waits for its charge to time out (about 1.5 s: the sandbox's slow card takes 5 s) and is answered HELD.
        CompletableFuture<Http.Reply> inFlight = CompletableFuture.supplyAsync(() -> Api.book(customer, flight, 1, "pm_card_slow", java.util.Map.of()));
        Eventually.pause(300);
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(reservation::stop);

        Http.Reply finished = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(finished.status()).as("the request in flight was finished, not cut").isEqualTo(202);
        Eventually.await("no new connections once stopping", () -> {
            try {
                return Http.get(Api.url(Service.RESERVATION, "/health/live")).status();
            } catch (UncheckedIOException refused) {
                return -1;
            }
        }, status -> status == -1 || status == 503);
        stopping.get(2, TimeUnit.MINUTES);
        assertThat(reservation.isRunning()).isFalse();
    }

    /**
     * A channel's consumer loop commits what the inbox finished every 200 ms, and once more when the
     * application stops, before it closes the consumer. So a graceful stop leaves nothing it applied
     * uncommitted; what is still uncommitted afterwards is what other tests' events published since
     * (holds expiring, say). Whatever comes again after the restart, the inbox recognises.
     */
    @Test
    void aGracefulStopCommitsWhatWasAppliedAndTheRedeliveryChangesNothing() throws Exception {
        String customer = Api.newCustomer();
        long flight = id(Api.registerFlight(20, 100));
        for (int i = 0; i < 10; i++) {
            Api.booked(customer, flight, 1);
        }
        Eventually.await("history caught up", () -> Api.history(customer).size(), n -> n == 21);
        LibertyServer history = SystemStack.server(Service.HISTORY);

        history.stop();
        long uncommitted = uncommitted("history");
        assertThat(uncommitted).as("published by other tests' leftovers since, at most").isLessThanOrEqualTo(20);

        history.start();
        history.awaitReady(SystemStack.START_TIMEOUT);
        Eventually.await("everything committed once the consumer caught up again", () -> uncommitted("history"), n -> n == 0);
        assertThat(Api.history(customer)).as("the redelivered messages changed nothing").hasSize(21);
    }

    /** How many messages of the two topics the group has not committed yet. */
    private static long uncommitted(String group) throws Exception {
        try (Admin admin = SystemStack.stack().kafka().admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long behind = 0;
            for (String topic : List.of("reservation-events", "mileage-events")) {
                for (int p = 0; p < 3; p++) {
                    TopicPartition partition = new TopicPartition(topic, p);
                    long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get(10, TimeUnit.SECONDS).get(partition).offset();
                    behind += end - (committed.containsKey(partition) ? committed.get(partition).offset() : 0);
                }
            }
            return behind;
        }
    }
}
