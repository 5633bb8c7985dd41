package com.msaair.reservation.adapter.out.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.FlightStatus;
import com.msaair.platform.domain.Money;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.SeatLayout;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reservation's contract with schedule, consumer side: what the flight check sends and the fields of
 * the answer it reads (only those). Drives the real {@link ScheduleClient} and
 * {@link ScheduleServiceFlights#find} against Pact's mock schedule; writes {@code target/pacts/reservation-schedule.json},
 * which {@code ScheduleProviderPactIT} verifies against the real schedule server. Provider states name
 * what must exist; the flight's id comes from the provider's state ({@code scheduleId}).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "schedule")
class ScheduleClientPactTest {

    static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z";

    @Pact(consumer = "reservation")
    V4Pact aScheduledFlight(PactDslWithProvider builder) {
        return flight(builder, "a scheduled flight", "SCHEDULED");
    }

    @Pact(consumer = "reservation")
    V4Pact aCancelledFlight(PactDslWithProvider builder) {
        return flight(builder, "a cancelled flight", "CANCELLED");
    }

    @Pact(consumer = "reservation")
    V4Pact noSuchFlight(PactDslWithProvider builder) {
        return builder.given("no flight 987654321")
                .uponReceiving("the flight check for a flight nobody scheduled")
                .path("/api/schedules/987654321").method("GET")
                .willRespondWith().status(404)
                .toPact(V4Pact.class);
    }

    private static V4Pact flight(PactDslWithProvider builder, String state, String status) {
        PactDslJsonBody schedule = new PactDslJsonBody()
                .valueFromProviderState("id", "${scheduleId}", 41)
                .stringMatcher("flightNumber", "[A-Z0-9]{2}[0-9]{1,4}[A-Z]?", "KE1234")
                .stringMatcher("origin", "[A-Z]{3}", "ICN")
                .stringMatcher("destination", "[A-Z]{3}", "CJU")
                .stringMatcher("departureTime", INSTANT, "2026-12-24T09:00:00Z")
                .stringMatcher("arrivalTime", INSTANT, "2026-12-24T10:10:00Z")
                .integerType("seatCapacity", 180)
                .stringMatcher("aircraftType", "[A-Z0-9][A-Z0-9-]{0,19}", "GENERIC")
                .integerType("miles", 276)
                .stringValue("status", status);
        schedule.object("seatMap")
                .integerType("rows", 30)
                .stringMatcher("letters", "[A-Z]{1,12}", "ABCDEF")
                .eachLike("aisles", PactDslJsonRootValue.stringMatcher("[A-Z]\\|[A-Z]", "C|D"), 1)
                .closeObject();
        schedule.object("fare")
                .integerType("amount", 125_000)
                .stringMatcher("currency", "[A-Z]{3}", "KRW")
                .closeObject();
        return builder.given(state)
                .uponReceiving("the flight check for " + state)
                .pathFromProviderState("/api/schedules/${scheduleId}", "/api/schedules/41").method("GET")
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(schedule)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "aScheduledFlight")
    void aScheduledFlightIsBookable(MockServer schedule) {
        FlightFacts flight = flightsAt(schedule).find(41);
        assertThat(flight).isEqualTo(new FlightFacts(41, "KE1234", "ICN", "CJU", Instant.parse("2026-12-24T09:00:00Z"),
                Instant.parse("2026-12-24T10:10:00Z"), "GENERIC", SeatLayout.generic(180), 276, new Money(125_000, "KRW"),
                FlightStatus.SCHEDULED));
    }

    @Test
    @PactTestFor(pactMethod = "aCancelledFlight")
    void aCancelledFlightIsKnownAsCancelled(MockServer schedule) {
        assertThat(flightsAt(schedule).find(41).status()).isEqualTo(FlightStatus.CANCELLED);
    }

    @Test
    @PactTestFor(pactMethod = "noSuchFlight")
    void noSuchFlightIsAnAnswer(MockServer schedule) {
        assertThatThrownBy(() -> flightsAt(schedule).find(987654321)).isInstanceOfSatisfying(ReservationException.class,
                e -> assertThat(e.code()).isEqualTo("flight-not-found"));
    }

    /** The real adapter on the real client interface; its fault-tolerance policy needs CDI and is tested in the system tests. */
    private static ScheduleServiceFlights flightsAt(MockServer schedule) {
        ScheduleServiceFlights flights = new ScheduleServiceFlights();
        flights.schedules = RestClientBuilder.newBuilder().baseUri(URI.create(schedule.getUrl())).build(ScheduleClient.class);
        return flights;
    }
}
