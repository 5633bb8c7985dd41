package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.LibertyServer;
import com.msaair.localstack.Nginx;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.BookingAudit;
import com.msaair.systemtest.support.LoadDriver;
import com.msaair.systemtest.support.SystemStack;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rolling update as Kubernetes makes one with {@code maxUnavailable: 0}: two reservation replicas
 * sharing one database and one consumer group, behind a proxy, each restarted in turn — stopped
 * gracefully, started, the next only once it is ready again — while customers book and cancel through
 * the proxy. Not one request fails, and the crash suite's audit finds every booking's effects exactly
 * once. Runs where replicas can share reservation's database: the PostgreSQL execution (on Derby it is
 * embedded in its server).
 */
@Order(12)
@EnabledIfSystemProperty(named = "msaair.test.database", matches = "postgresql")
@ExtendWith(SystemStack.class)
class RollingUpdateIT {

    private static final Logger LOG = Logger.getLogger(RollingUpdateIT.class.getName());

    @Test
    void restartingEachReservationReplicaInTurnUnderLoadFailsNoRequestAndLosesOrDoublesNothing() throws Exception {
        int offset = SystemStack.portOffset();
        Path data = SystemStack.stack().layout().data();
        LibertyServer first = SystemStack.server(Service.RESERVATION);
        // The second replica as SeatIT makes it (its server's files are there already: a warm start).
        LibertyServer second = SystemStack.stack().newServer(Service.RESERVATION, "reservation-2", 9193 + offset, data.resolve("servers-reservation-2"))
                .env(SystemStack.database().clientEnvironment("reservation"))
                .env(SystemStack.RESERVATION_SETTINGS);
        second.start();
        Nginx proxy = null;
        try {
            second.awaitReady(SystemStack.START_TIMEOUT);
            List<LibertyServer> replicas = List.of(first, second);
            proxy = Nginx.start(data.resolve("rolling-update-proxy"), 9079 + offset, proxyTo(9079 + offset, replicas));

            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                customers.add(Api.newCustomer());
            }
            List<Long> flights = new ArrayList<>();
            Map<Long, Integer> capacity = new HashMap<>();
            for (int i = 0; i < 4; i++) {
                long flight = id(Api.registerFlight(900, 100 + i * 50));
                flights.add(flight);
                capacity.put(flight, 900);
            }
            BookingAudit.Parked parkedBefore = BookingAudit.Parked.now();
            Map<String, Double> restarts = new LinkedHashMap<>();
            // A steady load, not a flood: on two cores a replica starting beside a saturated stack took over a minute to be ready.
            LoadDriver load = new LoadDriver(URI.create("http://127.0.0.1:" + proxy.port()), customers, flights, 2, Duration.ofMillis(300));
            try {
                load.awaitProgress(20);
                for (LibertyServer replica : replicas) {
                    long started = System.nanoTime();
                    replica.restart(SystemStack.START_TIMEOUT); // graceful stop, start, ready: what the operator's rollout waits for
                    restarts.put(replica.label(), (System.nanoTime() - started) / 1e9);
                    load.awaitProgress(10); // through both replicas again before the next goes
                }
            } finally {
                load.close();
            }
            LOG.info(() -> String.format(java.util.Locale.ROOT, "Rolling update under load: %d bookings attempted, %d confirmed, restarts %s",
                    load.bookingsAttempted(), load.booked().size(),
                    restarts.entrySet().stream().map(e -> e.getKey() + String.format(java.util.Locale.ROOT, " %.1f s", e.getValue()))
                            .collect(Collectors.joining(", "))));

            assertThat(load.failures()).as("every booking and cancellation answered at the first attempt, through both restarts").isEmpty();
            SystemStack.awaitHealthy();
            new BookingAudit(customers, load.booked()).assertConsistent(capacity, -1, 0);
            assertThat(BookingAudit.Parked.now()).as("nothing parked or kept for an operator").isEqualTo(parkedBefore);
        } finally {
            if (proxy != null) {
                proxy.stop();
            }
            second.stop();
        }
    }

    /**
     * The proxy's part of a rolling update (a Kubernetes Service's, here nginx's): a request that
     * reached a stopping replica, or could not reach one, is sent to the other. POSTs too: every
     * booking carries an Idempotency-Key, so a second send answers with the first booking.
     */
    private static String proxyTo(int port, List<LibertyServer> replicas) {
        String servers = replicas.stream().map(r -> "    server 127.0.0.1:" + r.port() + " max_fails=0;").collect(Collectors.joining("\n"));
        return String.join("\n",
                "  upstream reservation {",
                servers,
                "    keepalive 16;",
                "  }",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    location / {",
                "      proxy_pass http://reservation;",
                "      proxy_http_version 1.1;",
                "      proxy_set_header Connection \"\";",
                "      proxy_connect_timeout 1s;",
                "      proxy_read_timeout 30s;",
                "      proxy_next_upstream error timeout http_502 http_503 non_idempotent;",
                "      proxy_next_upstream_tries 4;",
                "    }",
                "  }");
    }
}
