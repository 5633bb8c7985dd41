package com.msaair.systemtest.support;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;

/**
 * Proves that a run of requests changed nothing: every change in this system publishes an event, so
 * after one valid flight, customer and booking (a sentinel, whose events mark the end) each topic
 * must hold exactly the sentinel's events more than before.
 */
public final class NothingChanged {

    private final Map<String, Long> before;

    private NothingChanged(Map<String, Long> before) {
        this.before = before;
    }

    /** Remembers how many events each topic has had. */
    public static NothingChanged from() throws Exception {
        return new NothingChanged(KafkaProbe.endOffsetsByTopic());
    }

    public void since() throws Exception {
        JsonObject flight = Api.registerFlight(10, 100);
        String customer = Api.newCustomer();
        long reservation = id(Api.booked(customer, id(flight), 1));
        Eventually.await("the sentinel's miles", () -> Events.correlated("mileage-events", "MileageIncreased", reservation), e -> e.size() == 1);
        Eventually.await("the sentinel flight", () -> Events.correlated("schedule-events", "ScheduleCreated", id(flight)), e -> e.size() == 1);
        Map<String, Long> after = KafkaProbe.endOffsetsByTopic();
        assertThat(after.get("schedule-events") - before.get("schedule-events")).as("only the sentinel flight").isEqualTo(1);
        assertThat(after.get("reservation-events") - before.get("reservation-events")).as("only the sentinel booking: held, then confirmed")
                .isEqualTo(2);
        Eventually.await("the sentinel's payment", () -> Events.correlated("payment-events", "PaymentCaptured", reservation), e -> e.size() == 1);
        assertThat(KafkaProbe.endOffsetsByTopic().get("payment-events") - before.get("payment-events")).as("only the sentinel's payment").isEqualTo(1);
        assertThat(after.get("mileage-events") - before.get("mileage-events")).as("the sentinel customer and its miles").isEqualTo(2);
    }
}
