package com.msaair.bench;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurgeModeTest {

    private static OpenLoop.Result.Second second(int at, int arrivals, int accepted, int shed, int errors, double p99Ms) {
        return new OpenLoop.Result.Second(at, "x", arrivals, accepted, shed, errors, arrivals - accepted - shed - errors, p99Ms / 2, p99Ms);
    }

    @Test
    void recoveryIsTheFirstSecondAfterWhichEverySecondIsNormal() {
        List<OpenLoop.Result.Second> seconds = new ArrayList<>();
        seconds.add(second(0, 10, 5, 5, 0, 300)); // the surge's last second
        seconds.add(second(1, 10, 10, 0, 0, 1500)); // its queue still draining
        seconds.add(second(2, 10, 10, 0, 0, 200));
        seconds.add(second(3, 10, 9, 1, 0, 200)); // one more refusal: not normal yet
        seconds.add(second(4, 10, 10, 0, 0, 200));
        seconds.add(second(5, 10, 10, 0, 0, 200));
        assertThat(SurgeMode.recoverySeconds(seconds, 1, 6)).hasValue(3);
        assertThat(SurgeMode.recoverySeconds(seconds, 4, 6)).hasValue(0);
        seconds.add(second(6, 10, 9, 0, 1, 200));
        assertThat(SurgeMode.recoverySeconds(seconds, 1, 7)).as("an error in the last second: never back to normal").isEmpty();
    }

    private static final Instant START = Instant.parse("2026-12-06T12:00:00Z");

    private static OpenLoop.Outcome answered(int status, long id, String state) {
        return new OpenLoop.Outcome(0, status, 1_000_000, 0, false, id, state);
    }

    private static JsonObject reservation(long id, String status, String createdAt, String releaseReason, String holdExpiresAt) {
        JsonObjectBuilder r = Json.createObjectBuilder().add("id", id).add("status", status).add("createdAt", createdAt);
        r = releaseReason == null ? r.addNull("releaseReason") : r.add("releaseReason", releaseReason);
        r = holdExpiresAt == null ? r.addNull("holdExpiresAt") : r.add("holdExpiresAt", holdExpiresAt);
        return r.build();
    }

    private static Benchmark.Audit audit(JsonObject... reservations) {
        Map<Long, JsonObject> byId = new HashMap<>();
        for (JsonObject r : reservations) {
            byId.put(r.getJsonNumber("id").longValue(), r);
        }
        return new Benchmark.Audit(1, reservations.length, 0, List.of(), byId);
    }

    private static OpenLoop.Result result(OpenLoop.Outcome... outcomes) {
        return new OpenLoop.Result(List.of(new OpenLoop.Phase("surge", 1, 1)), List.of(outcomes));
    }

    @Test
    void aLoadWhoseAnswersMatchWhatWasMadeKeptEverything() {
        OpenLoop.Result load = result(answered(201, 1, "CONFIRMED"), answered(202, 2, "HELD"), new OpenLoop.Outcome(0, 503, 1, 0, true, 0, null));
        Benchmark.Audit audit = audit(reservation(1, "CONFIRMED", "2026-12-06T12:00:01Z", null, null),
                reservation(2, "CONFIRMED", "2026-12-06T12:00:02Z", null, null),
                reservation(9, "CONFIRMED", "2026-12-06T11:00:00Z", null, null)); // the warm-up's
        assertThat(SurgeMode.keptProblems(load, audit, START, List.of())).isEmpty();
    }

    @Test
    void aLostADoubledAnUnsettledAndAnUnexplainedBookingAreEachFound() {
        OpenLoop.Result load = result(answered(201, 1, "CONFIRMED"), answered(201, 1, "CONFIRMED"), answered(201, 3, "CONFIRMED"),
                answered(202, 4, "HELD"), answered(202, 5, "HELD"));
        Benchmark.Audit audit = audit(reservation(1, "CONFIRMED", "2026-12-06T12:00:01Z", null, null),
                reservation(4, "EXPIRED", "2026-12-06T12:00:01Z", null, null),
                reservation(5, "HELD", "2026-12-06T12:00:01Z", null, "2026-12-06T12:15:01Z"));
        assertThat(SurgeMode.keptProblems(load, audit, START, List.of(5L))).anySatisfy(p -> assertThat(p).contains("reservation 1 was the answer to 2"))
                .anySatisfy(p -> assertThat(p).contains("reservation 3 was accepted but is not among"))
                .anySatisfy(p -> assertThat(p).contains("reservation 4 is EXPIRED without a reason"))
                .anySatisfy(p -> assertThat(p).contains("reservation 5 was still HELD"))
                .anySatisfy(p -> assertThat(p).contains("reservation 5 is HELD past its hold"))
                .anySatisfy(p -> assertThat(p).contains("say 5 reservations were made, the customers have 3"));
    }

    @Test
    void aRefusedRequestThatMadeAReservationAnywayIsFound() {
        OpenLoop.Result load = result(answered(201, 1, "CONFIRMED"), new OpenLoop.Outcome(0, 503, 1, 0, true, 0, null));
        Benchmark.Audit audit = audit(reservation(1, "CONFIRMED", "2026-12-06T12:00:01Z", null, null),
                reservation(2, "CONFIRMED", "2026-12-06T12:00:01Z", null, null));
        assertThat(SurgeMode.keptProblems(load, audit, START, List.of())).singleElement().asString()
                .contains("a refused or failed request made one anyway");
        OpenLoop.Result timedOut = result(answered(201, 1, "CONFIRMED"), new OpenLoop.Outcome(0, OpenLoop.TIMED_OUT, 1, 0, false, 0, null));
        assertThat(SurgeMode.keptProblems(timedOut, audit, START, List.of())).as("a request that timed out may have booked").isEmpty();
    }
}
