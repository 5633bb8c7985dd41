package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.SystemStack;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator's replay. The mileage database refuses one booking's accrual (a CHECK constraint an
 * operator added by mistake, standing in for any fault that fails the same way every time): the
 * consumer parks the event after its attempts and goes on with the next ones. Replayed while the
 * constraint stands, it stays parked; once the constraint is gone, the replay applies it — once,
 * however often it is replayed — and what follows from it (MileageIncreased) flows as usual.
 */
@Order(5)
@ExtendWith(SystemStack.class)
class DeadLetterReplayIT {

    private static final int REFUSED_MILES = 7_777;

    @Test
    void anEventParkedForAFaultThatIsFixedLaterIsAppliedExactlyOnceByItsReplay() throws Exception {
        String customer = Api.newCustomer();
        long refusedFlight = id(Api.registerFlight(10, REFUSED_MILES));
        long fineFlight = id(Api.registerFlight(10, 100));

        long reservation;
        try (Connection db = mileageDatabase(); Statement sql = db.createStatement()) {
            sql.execute("ALTER TABLE MILEAGE_ENTRY ADD CONSTRAINT CK_REPLAY_TEST CHECK (MILES <> " + REFUSED_MILES + ")");
            try {
                reservation = id(Api.booked(customer, refusedFlight, 1));
                JsonObject letter = Eventually.await("the refused accrual parked as FAILING", Duration.ofSeconds(90),
                        () -> parkedAccrualOf(reservation), l -> l != null);
                assertThat(letter.getString("reason")).contains("failed 5 times").contains("CK_REPLAY_TEST");
                assertThat(letter.getBoolean("replayable")).isTrue();

                // The consumer went on: the next booking accrues.
                id(Api.booked(customer, fineFlight, 1));
                Eventually.await("the next booking's miles", () -> Api.balance(customer), balance -> balance == 100);

                JsonObject stillFailing = replay(letter);
                assertThat(stillFailing.getString("outcome")).isEqualTo("STILL_FAILING");
                assertThat(Api.balance(customer)).isEqualTo(100);
            } finally {
                sql.execute("ALTER TABLE MILEAGE_ENTRY DROP CONSTRAINT CK_REPLAY_TEST");
            }
        }

        JsonObject letter = parkedAccrualOf(reservation);
        assertThat(replay(letter).getString("outcome")).isEqualTo("APPLIED");
        assertThat(replay(letter).getString("outcome")).isEqualTo("ALREADY_REPLAYED");
        JsonObject all = Http.post(Api.url(Service.MILEAGE, "/api/dead-letters/replay?reason=FAILING"), Api.operator()).json();
        assertThat(all.getJsonObject("outcomes").containsKey("APPLIED")).as("nothing else of ours to apply: " + all).isFalse();

        assertThat(Api.balance(customer)).isEqualTo(100 + REFUSED_MILES);
        assertThat(Api.ledger(customer)).hasSize(2);
        JsonObject after = Http.get(Api.url(Service.MILEAGE, "/api/dead-letters/" + letter.getJsonNumber("id")), Api.operator()).json();
        assertThat(after.getString("state")).isEqualTo("REPLAYED");
        Eventually.await("the replayed accrual is notified like any other", () -> Api.notifications(customer).size(), n -> n == 4);
        Eventually.await("and in the history", () -> Api.history(customer).size(), n -> n == 5);
    }

    private static JsonObject replay(JsonObject letter) {
        Http.Reply reply = Http.post(Api.url(Service.MILEAGE, "/api/dead-letters/" + letter.getJsonNumber("id") + "/replay"), Api.operator());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** The dead letter of the reservation's ReservationCreated on mileage, or null. */
    private static JsonObject parkedAccrualOf(long reservation) {
        List<JsonObject> letters = Http.get(Api.url(Service.MILEAGE, "/api/dead-letters?reason=FAILING&size=100"), Api.operator()).items()
                .getValuesAs(JsonObject.class);
        return letters.stream()
                .filter(l -> !l.isNull("text") && l.getString("text").contains("\"reservationId\":" + reservation + ","))
                .findFirst().orElse(null);
    }

    private static Connection mileageDatabase() throws Exception {
        return SystemStack.database().connect("mileage");
    }
}
