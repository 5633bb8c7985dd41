package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.LibertyServer;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.SystemStack;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two mileage servers in one consumer group, sharing one database (the Derby Network Server), share
 * the partitions of reservation-events; one is restarted half-way through 200 events, the bookings
 * going on while it goes away and rejoins the group. Every balance is exact and no booking is in a
 * ledger twice.
 */
@Order(6)
@ExtendWith(SystemStack.class)
class ScaleOutIT {

    @Test
    void twoReplicasShareTheWorkAndARestartMidwayLosesAndDoublesNothing() throws Exception {
        LibertyServer second = SystemStack.stack().newServer(Service.MILEAGE, "mileage-2", 9187 + SystemStack.portOffset(),
                        SystemStack.stack().layout().data().resolve("servers-2"))
                .env(SystemStack.database().clientEnvironment("mileage"));
        second.start();
        CompletableFuture<Void> restarting = null;
        try {
            second.awaitReady(SystemStack.START_TIMEOUT);
            Eventually.await("two members share the mileage group's partitions", Duration.ofMinutes(2), ScaleOutIT::mileageGroup,
                    group -> group.members().size() == 2 && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty()));

            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                customers.add(Api.newCustomer());
            }
            long flight = id(Api.registerFlight(900, 150));
            Map<String, Long> expected = new HashMap<>();
            Map<String, Integer> entries = new HashMap<>();
            List<JsonObject> booked = new ArrayList<>();
            int events = 0;
            int duringRestart = 0;
            for (int i = 0; events < 200; i++) {
                String customer = customers.get(i % customers.size());
                JsonObject reservation = Api.booked(customer, flight, 1 + i % 2);
                booked.add(reservation);
                expected.merge(customer, reservation.getJsonNumber("miles").longValue(), Long::sum);
                entries.merge(customer, 1, Integer::sum);
                events++;
                if (i % 4 == 3) {
                    JsonObject cancelled = Api.cancel(id(booked.get(i - 1))).json();
                    expected.merge(customer(cancelled), -cancelled.getJsonNumber("miles").longValue(), Long::sum);
                    entries.merge(customer(cancelled), 1, Integer::sum);
                    events++;
                }
                if (restarting != null && !restarting.isDone()) {
                    duringRestart++;
                }
                if (events == 100) {
                    // Half-way: one replica goes away and comes back, while the bookings go on.
                    restarting = CompletableFuture.runAsync(() -> second.restart(SystemStack.START_TIMEOUT), ScaleOutIT::onItsOwnThread);
                }
            }
            restarting.join(); // back, and ready, before any balance is read
            System.out.println("ScaleOutIT: " + duringRestart + " bookings and cancellations made while mileage-2 restarted");

            for (String customer : customers) {
                long miles = expected.get(customer);
                Eventually.await("balance of customer " + customer, Duration.ofMinutes(2), () -> Api.balance(customer), b -> b == miles);
                List<JsonObject> ledger = Api.ledger(customer).getValuesAs(JsonObject.class);
                assertThat(ledger).as("one entry per booking and per cancellation").hasSize(entries.get(customer));
                Set<String> distinct = ledger.stream().map(e -> e.getJsonNumber("reservationId") + "/" + e.getString("kind")).collect(Collectors.toSet());
                assertThat(distinct).as("no booking accrued or reversed twice").hasSize(ledger.size());
            }
        } finally {
            if (restarting != null) {
                restarting.exceptionally(e -> null).join(); // a failure here is the test's own to report, not a stop racing a start
            }
            second.stop();
        }
    }

    private static void onItsOwnThread(Runnable task) {
        Thread thread = new Thread(task, "mileage-2 restart");
        thread.setDaemon(true);
        thread.start();
    }

    private static String customer(JsonObject reservation) {
        return reservation.getString("customerId");
    }

    private static ConsumerGroupDescription mileageGroup() throws Exception {
        try (Admin admin = SystemStack.stack().kafka().admin()) {
            return admin.describeConsumerGroups(List.of("mileage")).all().get(10, TimeUnit.SECONDS).get("mileage");
        }
    }

    @SuppressWarnings("unused")
    private static String describe(ConsumerGroupDescription group) {
        return group.members().stream().map(MemberDescription::toString).collect(Collectors.joining("; "));
    }
}
