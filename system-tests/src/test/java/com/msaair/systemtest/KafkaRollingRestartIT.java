package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.KafkaBroker;
import com.msaair.localstack.KafkaCluster;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.BookingAudit;
import com.msaair.systemtest.support.Faults;
import com.msaair.systemtest.support.LoadDriver;
import com.msaair.systemtest.support.LoadDriver.Booked;
import com.msaair.systemtest.support.SystemStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kafka as production runs it — three brokers, each also a controller, topics replicated three times
 * with two in sync required — restarted one broker at a time, as Strimzi rolls a cluster for an
 * upgrade, a certificate renewal or a configuration change: each broker stopped gracefully and
 * started again once the one before it has caught up. Meanwhile customers book and cancel, and the
 * airline cancels a flight with bookings on it while the second broker is down. Each roll is an outage
 * of nothing the services' clients can see: no request fails, no server is restarted, and every
 * consumer applies events again within 30 s of its broker being back; afterwards the crash suite's
 * audit. Runs where the stack has three brokers ({@code -Dmsaair.test.kafka-brokers=3}): the system tests' PostgreSQL execution.
 */
@EnabledIfSystemProperty(named = "msaair.test.kafka-brokers", matches = "3")
@ExtendWith(SystemStack.class)
class KafkaRollingRestartIT {

    @Test
    void restartingEachBrokerInTurnUnderLoadFailsNothingAndLosesOrDoublesNothing() throws Exception {
        KafkaCluster kafka = SystemStack.stack().kafka();
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            customers.add(Api.newCustomer());
        }
        List<Long> flights = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            flights.add(id(Api.registerFlight(900, 100 + i * 50)));
        }
        Map<Long, Integer> capacity = new HashMap<>();
        flights.forEach(flight -> capacity.put(flight, 900));
        BookingAudit.Parked parkedBefore = BookingAudit.Parked.now();
        List<Faults.Window> windows = new ArrayList<>();
        long cancelledFlight = flights.get(0);
        LoadDriver load = new LoadDriver(customers, flights, 3, Duration.ofMillis(100));
        try {
            load.awaitProgress(30);
            for (KafkaBroker broker : kafka.brokers()) {
                // A small flight for each roll: it sells out while the brokers change.
                long small = id(Api.registerFlight(12, 75));
                capacity.put(small, 12);
                load.addFlight(small);
                windows.add(Faults.ofKafka(load, "restart broker " + broker.nodeId() + " of 3", () -> {
                    // As Strimzi does: the next broker goes only once every partition is fully replicated again.
                    kafka.awaitInSync(Duration.ofMinutes(2));
                    broker.stop();
                    if (broker.nodeId() == 2) {
                        load.removeFlight(cancelledFlight);
                        assertThat(Api.cancelFlight(cancelledFlight).status()).isEqualTo(200);
                    }
                    broker.start(Duration.ofMinutes(1));
                }));
            }
        } finally {
            load.close();
        }
        kafka.awaitInSync(Duration.ofMinutes(2));
        SystemStack.awaitHealthy();

        Map<Long, Booked> booked = load.booked();
        booked.values().stream().filter(b -> b.scheduleId == cancelledFlight).forEach(b -> b.cancelled = true);
        Faults.report(load, windows, "kafka-rolling-restart-report.md");
        new BookingAudit(customers, booked).assertConsistent(capacity, cancelledFlight, 2);
        assertThat(BookingAudit.Parked.now()).as("nothing good was parked or kept for an operator during the roll").isEqualTo(parkedBefore);
        windows.forEach(Faults::assertOutageOfEventsOnly);
    }
}
