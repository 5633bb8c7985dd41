package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.BookingAudit;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Faults;
import com.msaair.systemtest.support.LoadDriver;
import com.msaair.systemtest.support.LoadDriver.Booked;
import com.msaair.systemtest.support.SystemStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Under a steady booking load, every service is killed (kill -9) and started again — reservation alone,
 * the two it calls to book (schedule, payment) together, and the three that bookings never wait for
 * (mileage, notification, history) together — the
 * broker is restarted (on PostgreSQL: reservation and mileage only, see {@link #killedTogether()}),
 * and the database server is restarted (on Derby: mileage's Derby Network Server,
 * stopped; on PostgreSQL: the server holding every service's database, killed with SIGKILL). Afterwards each service's own
 * API must tell the same story as the clients: every confirmed booking exists, nothing else does,
 * balances are exact, and every event had its effect exactly once ({@link BookingAudit}).
 *
 * <p>The broker's restart is an outage of events only: no request fails, no server is restarted, and
 * every consumer applies events again within 30 s of the broker being back.
 */
@Order(10)
@ExtendWith(SystemStack.class)
class CrashRecoveryIT {

    @Test
    void nothingIsLostOrDoubledWhenEveryPartCrashes() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            customers.add(Api.newCustomer());
        }
        List<Long> flights = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            flights.add(id(Api.registerFlight(900, 100 + i * 50)));
        }
        Map<Long, Integer> capacity = new HashMap<>();
        flights.forEach(flight -> capacity.put(flight, 900));
        BookingAudit.Parked parkedBefore = BookingAudit.Parked.now();
        List<Faults.Window> windows = new ArrayList<>();
        LoadDriver load = new LoadDriver(customers, flights, 3, Duration.ofMillis(100));
        long cancelledFlight = flights.get(0);
        try {
            load.awaitProgress(30);
            for (List<Service> together : killedTogether()) {
                // A small flight for each fault: it sells out while the services are down or coming back.
                long small = id(Api.registerFlight(12, 75));
                capacity.put(small, 12);
                load.addFlight(small);
                String names = together.stream().map(Service::serverName).collect(Collectors.joining(" and "));
                windows.add(Faults.run(load, "kill -9 " + names, () -> {
                    together.forEach(service -> SystemStack.server(service).kill());
                    if (together.contains(Service.MILEAGE)) {
                        // The airline cancels a flight with bookings on it while mileage is down: each booking is
                        // cancelled exactly once and its miles are reversed once mileage is back.
                        load.removeFlight(cancelledFlight);
                        assertThat(Api.cancelFlight((cancelledFlight)).status()).isEqualTo(200);
                    }
                    together.forEach(service -> SystemStack.server(service).start());
                    together.forEach(service -> SystemStack.server(service).awaitReady(SystemStack.START_TIMEOUT));
                }));
            }
            if (!SystemStack.onPostgres()) {
                // Gracefully, with offset commits pending under the load: an outage of events only.
                windows.add(Faults.ofKafka(load, "restart Kafka", () -> {
                    SystemStack.stack().kafka().stop();
                    SystemStack.stack().kafka().start(Duration.ofMinutes(1));
                }));
            }
            if (SystemStack.onPostgres()) {
                // Every service's database at once, and not gently: bookings fail until PostgreSQL has
                // recovered from its WAL, and clients retry them with their idempotency keys.
                windows.add(Faults.run(load, "kill -9 the PostgreSQL server", () -> {
                    int failedBefore = load.failures().size();
                    SystemStack.database().kill();
                    // Down until bookings have failed for it (the first within a second or two), then crash recovery.
                    Eventually.await("bookings failing while PostgreSQL is down", Duration.ofSeconds(30),
                            () -> load.failures().size(), failed -> failed > failedBefore);
                    SystemStack.database().start(Duration.ofMinutes(2));
                }));
            } else {
                windows.add(Faults.run(load, "restart the mileage database server", () -> {
                    SystemStack.database().stop();
                    SystemStack.database().start(Duration.ofMinutes(1));
                }));
            }
        } finally {
            load.close();
        }
        SystemStack.awaitHealthy();

        Map<Long, Booked> booked = load.booked();
        // Every booking on the cancelled flight was cancelled, by the customer or with the flight.
        booked.values().stream().filter(b -> b.scheduleId == cancelledFlight).forEach(b -> b.cancelled = true);
        Faults.report(load, windows, "crash-recovery-report.md");
        // A small flight was added for each service killed; at least half of them sold out while it was down or coming back.
        new BookingAudit(customers, booked).assertConsistent(capacity, cancelledFlight, (killedTogether().size() + 1) / 2);
        assertThat(BookingAudit.Parked.now()).as("nothing good was parked or kept for an operator during the faults").isEqualTo(parkedBefore);

        for (Faults.Window window : windows) {
            if (window.fault().contains("mileage") || window.fault().contains("notification") || window.fault().contains("history")) {
                assertThat(window.failedRequests()).as("bookings never wait for " + window.fault()).isZero();
            }
            if (window.consumersBack() != null) {
                Faults.assertOutageOfEventsOnly(window);
            }
        }
    }

    /**
     * Every service on Derby, in three faults: reservation alone; schedule and payment, the two a booking
     * calls; mileage, notification and history, whose death no booking may notice (each fault is a
     * restart of servers and a wait for the stack to be healthy, so fewer faults of more servers cost
     * the suite less, each server still killed mid-load). On PostgreSQL (the run that repeats the suites
     * where the database matters) the two whose death leaves the most open transactions behind in the
     * database server, reservation and mileage (with the flight cancelled while it is down); the other
     * services and the broker's restart do the same on either database and are the Derby run's.
     */
    private static List<List<Service>> killedTogether() {
        return SystemStack.onPostgres() ? List.of(List.of(Service.RESERVATION), List.of(Service.MILEAGE))
                : List.of(List.of(Service.RESERVATION), List.of(Service.SCHEDULE, Service.PAYMENT),
                        List.of(Service.MILEAGE, Service.NOTIFICATION, Service.HISTORY));
    }
}
