package com.msaair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Identities.Person;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Browser;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.SystemStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The web front end in a real browser (Debian's headless chromium), through the gateway, as customers
 * and airline staff use it: sign in at the realm, search, pick seats on the seat map, pay with a test
 * card and read the outcome; follow a slow payment without reloading; lose a race for a seat and pick
 * another; watch the flight board's load factor move while a customer books; and find no way into
 * staff pages or another customer's trip.
 */
@Order(9)
@ExtendWith(SystemStack.class)
class WebIT {

    private static final long FARE = 125_000;
    private static final int MILES = 1000;

    @Test
    void aCustomerBooksTwoSeatsSeesThemTakenEarnsMilesAndCancelsForARefund() {
        String route = newRoute();
        JsonObject flight = registerFlight(route);
        Person person = newCustomerOfTheRealm();
        try (Browser browser = new Browser()) {
            browser.signIn(person);
            assertThat(noTokenInTheBrowser(browser)).as("cookies name a session; no token is in the browser").isTrue();

            search(browser, route, flight);
            browser.screenshot("web-search");
            browser.click(By.cssSelector("li[data-flight='" + flight.getString("flightNumber") + "'] a.button"));
            browser.await(By.id("seatmap"));
            assertThat(seat(browser, "12A").getAttribute("class")).contains("state-free");

            // By keyboard: 12A chosen with Space, then the arrow key to 12B and Space again.
            browser.script("document.getElementById('seat-12A').focus();");
            new Actions(browser.driver()).sendKeys(Keys.SPACE).sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.SPACE).perform();
            assertThat(browser.awaitText(By.id("chosen"), "12B")).contains("12A").contains("12B");
            assertThat(browser.text(By.id("total"))).isEqualTo("₩250,000");
            browser.click(By.cssSelector("label[for='card-pm_card_visa']"));
            browser.screenshot("web-seat-map");
            browser.click(By.id("pay"));

            assertThat(browser.awaitText(By.id("trip-status"), "Confirmed")).isEqualTo("Confirmed");
            assertThat(browser.text(By.id("flash"))).contains("confirmed and paid");
            assertThat(browser.text(By.id("trip-seats"))).isEqualTo("12A, 12B");
            assertThat(browser.text(By.id("trip-price"))).isEqualTo("₩250,000");
            long trip = tripId(browser);
            browser.screenshot("web-trip-confirmed");

            browser.open("/flights/" + Api.id(flight));
            assertThat(seat(browser, "12A").getAttribute("class")).as("paid: taken on the map").contains("state-taken");
            assertThat(seat(browser, "12B").getAttribute("title")).contains("taken");
            assertThat(browser.driver().findElement(By.id("seat-12A")).isEnabled()).isFalse();

            String miles = Eventually.await("the miles of the paid booking", () -> browser.open("/miles").text(By.id("miles-balance")), "2,000"::equals);
            assertThat(miles).isEqualTo("2,000");
            browser.screenshot("web-miles");

            browser.open("/trips/" + trip);
            browser.click(By.id("cancel-trip"));
            assertThat(browser.awaitText(By.id("flash"), "refunded")).contains("₩250,000");
            assertThat(browser.text(By.id("trip-status"))).isEqualTo("Cancelled");
            assertThat(browser.text(By.id("trip-refund"))).isEqualTo("₩250,000");

            browser.open("/flights/" + Api.id(flight));
            assertThat(seat(browser, "12A").getAttribute("class")).as("cancelled: free again at once").contains("state-free");
            assertThat(seat(browser, "12B").getAttribute("class")).contains("state-free");
            Eventually.await("the miles taken back", () -> browser.open("/miles").text(By.id("miles-balance")), "0"::equals);
            Eventually.await("the history of the booking, newest first", () -> browser.open("/history").all(By.cssSelector(".moment")).size(),
                    n -> n >= 4);
            Eventually.await("the notifications of the booking", () -> browser.open("/notifications").all(By.cssSelector(".notice")).size(),
                    n -> n >= 2);
        }
    }

    @Test
    void aDeclinedCardIsSaidInPlainWordsAndASlowOneTurnsConfirmedWithoutAReload() {
        String route = newRoute();
        JsonObject flight = registerFlight(route);
        Person person = newCustomerOfTheRealm();
        try (Browser browser = new Browser()) {
            browser.signIn(person);
            browser.open("/flights/" + Api.id(flight));
            browser.click(By.cssSelector("label[data-seat-label='7C']"));
            browser.click(By.cssSelector("label[for='card-pm_card_insufficient_funds']"));
            browser.click(By.id("pay"));
            String outcome = browser.awaitText(By.id("outcome"), "declined");
            assertThat(outcome).contains("insufficient funds").contains("Nothing was charged");
            assertThat(seat(browser, "7C").getAttribute("class")).as("released at once").contains("state-free");
            assertThat(browser.driver().findElement(By.id("seat-7C")).isSelected()).as("still chosen, for another card").isTrue();
            browser.screenshot("web-declined");

            browser.click(By.cssSelector("label[for='card-pm_card_slow']"));
            browser.click(By.id("pay"));
            assertThat(browser.awaitText(By.id("trip-status"), "Payment pending")).isEqualTo("Payment pending");
            browser.screenshot("web-trip-pending");
            browser.markPage();
            browser.awaitText(By.id("trip-status"), "Confirmed", Duration.ofMinutes(2));
            assertThat(browser.stillTheMarkedPage()).as("the page followed the payment; it was not reloaded").isTrue();
            assertThat(browser.text(By.id("trip-outcome"))).contains("Paid");
        }
        Api.remember(person);
        assertThat(Api.payments(person.subject()).getValuesAs(JsonObject.class).stream().map(p -> p.getString("status")).sorted().toList())
                .as("the declined charge and the slow one, captured once").containsExactly("CAPTURED", "DECLINED");
    }

    @Test
    void twoBrowsersRaceForOneSeatOneWinsTheOtherIsToldAndPicksAnotherNothingChargedTwice() {
        JsonObject flight = registerFlight(newRoute());
        Person first = newCustomerOfTheRealm();
        Person second = newCustomerOfTheRealm();
        try (Browser a = new Browser(); Browser b = new Browser()) {
            for (Browser browser : List.of(a, b)) {
                browser.signIn(browser == a ? first : second);
                browser.open("/flights/" + Api.id(flight));
                browser.click(By.cssSelector("label[data-seat-label='5C']"));
                browser.click(By.cssSelector("label[for='card-pm_card_visa']"));
            }
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> a.click(By.id("pay"))), CompletableFuture.runAsync(() -> b.click(By.id("pay"))))
                    .join();
            Browser winner = Eventually.await("one browser on its confirmed trip", () -> a.path().startsWith("/trips/") ? a
                    : b.path().startsWith("/trips/") ? b : null, w -> w != null);
            Browser loser = winner == a ? b : a;
            assertThat(winner.awaitText(By.id("trip-status"), "Confirmed")).isEqualTo("Confirmed");
            assertThat(loser.awaitText(By.id("outcome"), "5C")).contains("just taken").contains("nothing was charged");
            assertThat(seat(loser, "5C").getAttribute("class")).containsAnyOf("state-taken", "state-held");
            loser.screenshot("web-seat-taken");

            loser.click(By.cssSelector("label[data-seat-label='5D']"));
            loser.click(By.id("pay"));
            assertThat(loser.awaitText(By.id("trip-status"), "Confirmed")).isEqualTo("Confirmed");
            assertThat(loser.text(By.id("trip-seats"))).isEqualTo("5D");
        }
        for (Person person : List.of(first, second)) {
            Api.remember(person);
            List<String> payments = Api.payments(person.subject()).getValuesAs(JsonObject.class).stream().map(p -> p.getString("status")).toList();
            assertThat(payments).as("one charge each, whoever lost the race").containsExactly("CAPTURED");
            assertThat(Http.get(Api.url(Service.RESERVATION, "/api/reservations"), Api.as(person.subject())).items()
                    .getValuesAs(JsonObject.class)).as("one paid booking each").filteredOn(r -> r.getString("status").equals("CONFIRMED")).hasSize(1);
        }
    }

    @Test
    void staffRegisterAFlightAndWatchItsLoadFactorChangeLiveWhileACustomerBooks() {
        String flightNumber = "WB" + (1000 + ThreadLocalRandom.current().nextInt(9000));
        String route = newRoute();
        // Days from now: the board shows the flights departing soonest, and the other tests' flights leave weeks from now.
        LocalDateTime departure = LocalDateTime.now(ZoneOffset.UTC).plusDays(1 + ThreadLocalRandom.current().nextInt(5))
                .plusHours(ThreadLocalRandom.current().nextInt(24)).truncatedTo(ChronoUnit.HOURS);
        try (Browser staff = new Browser()) {
            staff.signIn("sora", "dev-only-sora");
            staff.open("/staff");
            staff.click(By.id("register-flight"));
            staff.type(By.id("flightNumber"), flightNumber);
            staff.type(By.id("origin"), "ICN");
            staff.type(By.id("destination"), route);
            staff.setValue(By.id("departure"), departure.toString());
            staff.setValue(By.id("arrival"), departure.plusMinutes(70).toString());
            staff.type(By.id("miles"), "500");
            staff.type(By.id("fare"), "100000");
            staff.click(By.id("register"));
            assertThat(staff.awaitText(By.id("flash"), flightNumber)).contains("registered");
            staff.awaitText(By.id("board-live"), "Live");

            By row = By.xpath("//tbody[@id='board-rows']/tr[.//span[@data-field='flightNumber' and text()='" + flightNumber + "']]");
            long scheduleId = Long.parseLong(staff.await(row).getAttribute("data-flight"));
            assertThat(staff.driver().findElement(row).findElement(By.cssSelector("[data-field='load']")).getText()).isEqualTo("0%");
            staff.markPage();

            String customer = Api.newCustomer();
            Http.Reply booked = Api.book(customer, scheduleId, 3);
            assertThat(booked.status()).as(booked.toString()).isIn(201, 202);

            By sold = By.cssSelector("#flight-" + scheduleId + " [data-field='soldText']");
            assertThat(staff.awaitText(sold, "3 of 180 seats sold", Duration.ofSeconds(60))).isEqualTo("3 of 180 seats sold");
            assertThat(staff.text(By.cssSelector("#flight-" + scheduleId + " [data-field='load']"))).isEqualTo("1%");
            assertThat(staff.text(By.cssSelector("#flight-" + scheduleId + " [data-field='revenue']"))).isEqualTo("₩300,000");
            assertThat(staff.stillTheMarkedPage()).as("updated live, not reloaded").isTrue();
            staff.screenshot("web-board");

            // Staff cancel the flight: its booking is cancelled and refunded, and the board says so.
            staff.click(By.cssSelector("#flight-" + scheduleId + " [data-field='cancelForm'] button"));
            assertThat(staff.awaitText(By.id("flash"), flightNumber)).contains("cancelled");
            assertThat(staff.awaitText(By.cssSelector("#flight-" + scheduleId + " [data-field='statusText']"), "Cancelled", Duration.ofSeconds(60)))
                    .isEqualTo("Cancelled");
            Eventually.await("the customer's booking cancelled with the flight", () -> Api.reservation(Api.id(booked.json())).getString("status"),
                    "CANCELLED"::equals);
        }
    }

    @Test
    void aCustomerCannotReachStaffPagesOrAnotherCustomersTrip() {
        String owner = Api.newCustomer();
        long othersTrip = Api.id(Api.booked(owner, Api.id(registerFlight(newRoute())), 1));
        Person person = newCustomerOfTheRealm();
        try (Browser browser = new Browser()) {
            browser.signIn(person);
            browser.open("/staff");
            assertThat(browser.text(By.id("error-heading"))).isEqualTo("Not for you");
            browser.open("/staff/flights/new");
            assertThat(browser.text(By.id("error-heading"))).isEqualTo("Not for you");
            browser.screenshot("web-forbidden");

            browser.open("/trips/" + othersTrip);
            assertThat(browser.text(By.id("error-heading"))).isEqualTo("Not found");
            browser.open("/trips/" + othersTrip + "/status");
            assertThat(browser.text(By.id("error-heading"))).isEqualTo("Not found");
            browser.open("/trips");
            assertThat(browser.all(By.cssSelector("[data-trip='" + othersTrip + "']"))).isEmpty();

            // A state-changing request without the page's CSRF token is refused, even from the signed-in browser itself.
            Object status = browser.driver().executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch('/trips/" + othersTrip + "/cancel', {method: 'POST', credentials: 'same-origin'}).then(r => done(r.status));");
            assertThat(((Number) status).intValue()).isEqualTo(403);
        }
        assertThat(Api.reservation(othersTrip).getString("status")).as("the other customer's trip is untouched").isEqualTo("CONFIRMED");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoInlineScriptIsAllowed() {
        for (String path : List.of("/", "/search?origin=ICN&destination=CJU&date=2031-01-01", "/assets/app.js", "/no-such-page")) {
            Http.Reply reply = Http.get(SystemStack.stack().gatewayUri().resolve(path));
            String csp = reply.header("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(reply.header("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(reply.header("Referrer-Policy")).as(path).isPresent();
        }
        String home = Http.get(SystemStack.stack().gatewayUri().resolve("/")).body();
        assertThat(home).as("no inline script, handler or style").doesNotContain("<script>").doesNotContain(" onclick=").doesNotContain(" style=");
    }

    /** Each main page, in English and Korean, and one on a phone: written to docs/images when -Dmsaair.screenshots=true. */
    @Test
    void screenshotsOfEachMainPage() {
        Assumptions.assumeTrue(Boolean.getBoolean("msaair.screenshots"), "screenshots only when asked for (-Dmsaair.screenshots=true)");
        String route = newRoute();
        JsonObject flight = registerFlight(route);
        Person person = newCustomerOfTheRealm();
        try (Browser browser = new Browser()) {
            browser.signIn(person);
            Api.remember(person);
            Api.booked(person.subject(), Api.id(flight), 2);
            Eventually.await("the miles", () -> Api.balance(person.subject()), b -> b == 2L * MILES);
            for (String lang : List.of("en", "ko")) {
                browser.open("/lang?to=" + lang + "&next=/");
                browser.screenshot("web-home-" + lang);
                search(browser, route, flight);
                browser.screenshot("web-search-" + lang);
                browser.open("/flights/" + Api.id(flight));
                browser.screenshot("web-seat-map-" + lang);
                browser.open("/trips");
                browser.screenshot("web-trips-" + lang);
                browser.open("/miles");
                browser.screenshot("web-miles-" + lang);
                browser.open("/notifications");
                browser.screenshot("web-notifications-" + lang);
                browser.open("/history");
                browser.screenshot("web-history-" + lang);
            }
        }
        try (Browser staff = new Browser()) {
            staff.signIn("sora", "dev-only-sora");
            for (String lang : List.of("en", "ko")) {
                staff.open("/lang?to=" + lang + "&next=/staff");
                staff.awaitText(By.id("board-live"), lang.equals("en") ? "Live" : "실시간");
                staff.screenshot("web-board-" + lang);
                staff.open("/staff/flights/new");
                staff.screenshot("web-register-" + lang);
            }
        }
        try (Browser phone = new Browser(Browser.PHONE)) {
            phone.signIn(person);
            phone.open("/lang?to=ko&next=/flights/" + Api.id(flight));
            phone.screenshot("web-phone-seat-map-ko");
        }
    }

    // --- helpers ---

    /** A person of the realm with the customer role; the web makes them a customer on their first visit. */
    private static Person newCustomerOfTheRealm() {
        return Api.newPerson();
    }

    /** A destination no other test uses, so a search finds this test's flights only. */
    private static String newRoute() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "W" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
    }

    /** An A321 (30 rows, A-F, the aisle between C and D) from ICN to {@code destination}, weeks from now, 125,000 KRW a seat. */
    private static JsonObject registerFlight(String destination) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant departure = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(30 + ThreadLocalRandom.current().nextInt(3000), ChronoUnit.DAYS);
            JsonObject body = Json.createObjectBuilder()
                    .add("flightNumber", "WB" + (1000 + ThreadLocalRandom.current().nextInt(9000)))
                    .add("origin", "ICN")
                    .add("destination", destination)
                    .add("departureTime", departure.toString())
                    .add("arrivalTime", departure.plus(70, ChronoUnit.MINUTES).toString())
                    .add("aircraftType", "A321")
                    .add("miles", MILES)
                    .add("fare", Json.createObjectBuilder().add("amount", FARE).add("currency", "KRW"))
                    .build();
            Http.Reply reply = Http.post(Api.url(Service.SCHEDULE, "/api/schedules"), body, Api.authorization(Api.manager()));
            if (reply.status() == 201) {
                long id = Api.id(reply.json());
                // Bookable once reservation has the flight (from schedule's event, moments later).
                Eventually.await("flight " + id + " on sale", () -> Http.get(Api.url(Service.RESERVATION, "/api/flights/" + id + "/seats")).status(),
                        s -> s == 200);
                return reply.json();
            }
            if (reply.status() != 409) {
                throw new AssertionError("Could not register a flight: " + reply);
            }
        }
        throw new AssertionError("Could not find a free flight number and day");
    }

    private static void search(Browser browser, String destination, JsonObject flight) {
        browser.open("/");
        browser.type(By.id("origin"), "ICN");
        browser.type(By.id("destination"), destination);
        browser.setValue(By.id("date"), flight.getString("departureTime").substring(0, 10));
        browser.click(By.id("search"));
        browser.await(By.cssSelector("li[data-flight='" + flight.getString("flightNumber") + "']"));
    }

    private static org.openqa.selenium.WebElement seat(Browser browser, String seat) {
        return browser.await(By.cssSelector("label[data-seat-label='" + seat + "']"));
    }

    private static long tripId(Browser browser) {
        return Long.parseLong(browser.path().replaceFirst("^/trips/", ""));
    }

    /** The session cookies are HttpOnly and SameSite=Lax, none carries a token, and nothing is in the page's storage. */
    private static boolean noTokenInTheBrowser(Browser browser) {
        Set<Cookie> cookies = browser.driver().manage().getCookies();
        Set<String> names = cookies.stream().map(Cookie::getName).collect(Collectors.toSet());
        assertThat(names).as("the session cookies").contains("MSAAIR_SESSION", "MSAAIR_SIGNIN");
        // This site's cookies (the realm's own, on its own paths, are not the site's to judge).
        for (Cookie cookie : cookies) {
            if (cookie.getName().toUpperCase(java.util.Locale.ROOT).startsWith("MSAAIR_")) {
                assertThat(cookie.isHttpOnly()).as(cookie.getName() + " HttpOnly").isTrue();
                assertThat(cookie.getSameSite()).as(cookie.getName() + " SameSite").isEqualTo("Lax");
                assertThat(cookie.getValue()).as(cookie.getName() + " is no JWT").doesNotStartWith("eyJ");
            }
        }
        Object stored = browser.script("return window.localStorage.length + window.sessionStorage.length;");
        return ((Number) stored).intValue() == 0;
    }
}
