package com.msaair.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pages' own rules: the seat map drawn from the layout, what a refusal names, what a form may hold, where a redirect may go. */
class RulesTest {

    /** An A321 as reservation describes it: 30 rows, A-F, the aisle between C and D. */
    static JsonObject a321(Set<String> taken, Set<String> held) {
        JsonArrayBuilder seats = Json.createArrayBuilder();
        for (int row = 1; row <= 30; row++) {
            for (char letter : "ABCDEF".toCharArray()) {
                String seat = row + String.valueOf(letter);
                seats.add(Json.createObjectBuilder().add("seat", seat).add("state", taken.contains(seat) ? "TAKEN" : held.contains(seat) ? "HELD" : "FREE"));
            }
        }
        return Json.createObjectBuilder().add("scheduleId", 1).add("aircraftType", "A321").add("rows", 30).add("letters", "ABCDEF")
                .add("aisles", Json.createArrayBuilder().add("C|D")).add("seats", seats)
                .add("free", 180 - taken.size() - held.size()).add("held", held.size()).add("taken", taken.size()).build();
    }

    @Test
    void theSeatMapIsDrawnFromTheLayoutWithTheAisleWhereItIs() {
        SeatMap map = SeatMap.of(a321(Set.of("1A"), Set.of("2D")), Set.of("12A", "1A"));
        assertThat(map.rows()).hasSize(30);
        assertThat(map.columns()).containsExactly("A", "B", "C", "", "D", "E", "F");
        SeatMap.Row first = map.rows().get(0);
        assertThat(first.cells()).hasSize(7);
        assertThat(first.cells().get(3).aisle()).isTrue();
        assertThat(first.cells().get(0).state()).isEqualTo(SeatMap.State.TAKEN);
        assertThat(first.cells().get(0).selected()).as("a taken seat is never shown as chosen").isFalse();
        assertThat(map.rows().get(1).cells().get(4).state()).isEqualTo(SeatMap.State.HELD);
        assertThat(map.rows().get(11).cells().get(0).selected()).as("12A, still free, stays chosen").isTrue();
        assertThat(map.free()).isEqualTo(178);
        assertThat(map.hasSeats()).isTrue();
    }

    @Test
    void aFlightWithCountsOnlyOffersChooseForMe() {
        SeatMap map = SeatMap.of(Json.createObjectBuilder().add("scheduleId", 1).add("seatCapacity", 180).add("seatsAvailable", 42).build(), Set.of());
        assertThat(map.hasSeats()).isFalse();
        assertThat(map.seatsLeft()).isEqualTo(42);
    }

    @Test
    void aRefusalNamesTheSeatsSomeoneElseTookAndTheReasonACardWasDeclined() {
        assertThat(FlightPage.seatsIn("seat 12A is taken")).containsExactly("12A");
        assertThat(FlightPage.seatsIn("seats 12A, 12B are no longer free")).containsExactly("12A", "12B");
        assertThat(FlightPage.seatsIn("not a seat: A12, 0A, 99")).isEmpty();
        assertThat(Reasons.fromDecline("The payment of reservation 9 was declined: insufficient_funds; its seats were released"))
                .isEqualTo("insufficient_funds");
        assertThat(Reasons.key("insufficient_funds")).isEqualTo("reason.insufficient_funds");
        assertThat(Reasons.key("fraud_suspected")).as("a reason the bundles have no words for").isEqualTo("reason.other");
        assertThat(Reasons.key(null)).isEqualTo("reason.other");
    }

    @Test
    void onlyTheSandboxTestCardsAreOffered() {
        assertThat(PaymentMethods.offered("pm_card_visa")).isTrue();
        assertThat(PaymentMethods.offered("pm_card_error")).isFalse();
        assertThat(PaymentMethods.offered("4242424242424242")).isFalse();
        assertThat(PaymentMethods.offered(null)).isFalse();
    }

    @Test
    void staffEnterFaresInTheCurrencysUnitsAndTimesInUtc() {
        assertThat(StaffPage.minorUnits("125000", "KRW")).isEqualTo(125_000L);
        assertThat(StaffPage.minorUnits("125.50", "USD")).isEqualTo(12_550L);
        assertThat(StaffPage.minorUnits("125.5", "KRW")).as("no fraction of a won").isNull();
        assertThat(StaffPage.minorUnits("0", "USD")).isNull();
        assertThat(StaffPage.minorUnits("-5", "USD")).isNull();
        assertThat(StaffPage.minorUnits("lots", "USD")).isNull();
        assertThat(StaffPage.utc("2027-03-01T09:00")).isEqualTo(Instant.parse("2027-03-01T09:00:00Z"));
        assertThat(StaffPage.utc("tomorrow")).isNull();
    }

    @Test
    void theLanguageSwitchGoesBackToAPathOfThisSiteOnly() {
        assertThat(LanguageSwitch.localPath("/trips/12?x=1")).isEqualTo("/trips/12?x=1");
        assertThat(LanguageSwitch.localPath("https://evil.example/")).isEqualTo("/");
        assertThat(LanguageSwitch.localPath("//evil.example/")).isEqualTo("/");
        assertThat(LanguageSwitch.localPath("/\\evil.example/")).isEqualTo("/");
        assertThat(LanguageSwitch.localPath("/x\r\nSet-Cookie: a=b")).isEqualTo("/");
        assertThat(LanguageSwitch.localPath(null)).isEqualTo("/");
    }

    @Test
    void aFormPostsToOneActionOnOneId() {
        assertThat(Page.actionOn(posted("/12/cancel"), "cancel")).isEqualTo(12);
        for (String path : new String[] {"/12/book", "/12", "/12/cancel/again", "/abc/cancel", "/0/cancel", ""}) {
            assertThatThrownBy(() -> Page.actionOn(posted(path), "cancel")).as(path).isInstanceOf(Page.NotFound.class);
        }
    }

    private static HttpServletRequest posted(String pathInfo) {
        return (HttpServletRequest) Proxy.newProxyInstance(RulesTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getPathInfo") ? pathInfo : null);
    }

    @Test
    void aTripCanBeCancelledWhileItHoldsSeatsBeforeDeparture() {
        Instant future = Instant.now().plusSeconds(86_400);
        assertThat(trip("CONFIRMED", future).cancellable()).isTrue();
        assertThat(trip("HELD", future).cancellable()).isTrue();
        assertThat(trip("CANCELLED", future).cancellable()).isFalse();
        assertThat(trip("PAYMENT_FAILED", future).cancellable()).isFalse();
        assertThat(trip("CONFIRMED", Instant.now().minusSeconds(60)).cancellable()).as("departed").isFalse();
        assertThat(trip("HELD", future).settled()).isFalse();
        assertThat(TripsPage.outcomeKey(trip("EXPIRED", future))).isEqualTo("trip.outcome.expired");
    }

    private static Trip trip(String status, Instant departure) {
        return new Trip(1, 1, "KE1234", departure, 2, List.of("12A", "12B"), status, 250_000, "KRW", null, null, null, null, 2000, Instant.now());
    }
}
