package com.msaair.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.web.board.BoardRow;
import com.msaair.web.i18n.Formats;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every page renders, in both languages, from the model its servlet builds: no expression that fails,
 * no text missing from a bundle ("??key??"), nothing inline the CSP would block.
 */
class TemplatesTest {

    private static final Instant DEPARTURE = Instant.parse("2027-03-01T09:00:00Z");

    @Test
    void everyPageRendersInBothLanguagesWithNoMissingTextAndNothingInline() throws Exception {
        List<String> failures = new java.util.ArrayList<>();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.KOREAN)) {
            for (Map.Entry<String, Map<String, Object>> page : pages(locale).entrySet()) {
                try {
                    String html = render(page.getKey(), locale, page.getValue());
                    assertThat(html).as(page.getKey() + " " + locale).contains("</html>").doesNotContain("??")
                            .doesNotContain(" style=").doesNotContain(" onclick=").doesNotContain("<script>");
                } catch (Exception | AssertionError e) {
                    failures.add(page.getKey() + " " + locale + ": " + e.getMessage());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theSeatMapSaysEachSeatsStateInWordsAndKeepsTakenSeatsOutOfReach() throws Exception {
        String html = render("flight", Locale.ENGLISH, pages(Locale.ENGLISH).get("flight"));
        assertThat(html).contains("id=\"seat-1A\"").contains(", taken").contains(", free").contains(", held");
        assertThat(html).containsPattern("id=\"seat-1A\"\\s+disabled");
        assertThat(html).contains("name=\"_csrf\" value=\"token-123\"").contains("name=\"bookingKey\"");
        assertThat(render("flight", Locale.KOREAN, pages(Locale.KOREAN).get("flight"))).contains("판매 완료").contains("빈 좌석");
    }

    private static Map<String, Map<String, Object>> pages(Locale locale) {
        Map<String, Map<String, Object>> pages = new HashMap<>();
        Flight flight = new Flight(1, "KE1234", "ICN", "CJU", DEPARTURE, DEPARTURE.plusSeconds(4200), 125_000, "KRW", 180, "A321", false);
        Trip confirmed = new Trip(7, 1, "KE1234", DEPARTURE, 2, List.of("12A", "12B"), "CONFIRMED", 250_000, "KRW", null, null, null,
                DEPARTURE.minusSeconds(86_400), 2000, DEPARTURE.minusSeconds(90_000));
        Trip cancelled = new Trip(8, 1, "KE1234", DEPARTURE, 1, List.of(), "CANCELLED", 125_000, "KRW", 125_000L, null, "CUSTOMER", null, 1000,
                DEPARTURE.minusSeconds(90_000));
        Trip pending = new Trip(9, 1, "KE1234", DEPARTURE, 1, List.of("3C"), "HELD", 125_000, "KRW", null, null, null,
                Instant.now().plusSeconds(900), 1000, Instant.now());

        pages.put("home", with(locale, Map.of("origin", "ICN", "destination", "CJU", "date", "2027-03-01", "today", "2026-12-06", "searched", true,
                "errors", List.of(), "results", List.of(new HomePage.Result(flight, 178), new HomePage.Result(
                        new Flight(2, "KE1236", "ICN", "CJU", DEPARTURE, DEPARTURE.plusSeconds(4200), 125_000, "KRW", 180, null, true), null)))));
        pages.put("flight", with(locale, Map.of("flight", flight, "onSale", true,
                "map", SeatMap.of(RulesTest.a321(Set.of("1A", "1B"), Set.of("2D")), Set.of("12A")), "selected", List.of("12A"),
                "passengers", 1, "maxPassengers", 9, "cards", PaymentMethods.TEST_CARDS, "card", "pm_card_visa",
                "bookingKey", "5f0e7c2a-4b7d-4d6e-9f1a-2b3c4d5e6f70", "total", "₩125,000")));
        pages.get("flight").put("outcome", new FlightPage.Outcome("error", "Seat 5C was just taken."));
        pages.put("trips", with(locale, Map.of("trips", List.of(confirmed, cancelled, pending))));
        pages.put("trip", with(locale, Map.of("trip", pending, "outcome", "Waiting", "flight", flight)));
        pages.put("miles", with(locale, Map.of("balance", 3000L, "ledger", List.of(
                new AccountPage.LedgerEntry(7, "ACCRUAL", 2000, 3000, DEPARTURE), new AccountPage.LedgerEntry(5, "REVERSAL", -1000, 1000, DEPARTURE)))));
        pages.put("notifications", with(locale, Map.of("notices", List.of(new AccountPage.Notice("Booking confirmed", "Reservation 7 is confirmed.",
                "sent", DEPARTURE)))));
        pages.put("history", with(locale, Map.of("moments", List.of(new AccountPage.Moment("BOOKED", "Booking 7 confirmed", DEPARTURE)))));
        pages.put("staff-board", with(locale, Map.of("rows", List.of(new BoardRow(1, "KE1234", "ICN", "CJU", DEPARTURE, "SCHEDULED", 180, 3, 1, 1,
                375_000, "KRW"), new BoardRow(2, "KE1236", "ICN", "PUS", DEPARTURE, "CANCELLED", 180, 0, 0, 0, 0, "KRW")))));
        pages.put("staff-new", with(locale, Map.of("form", Map.of("currency", "KRW", "aircraftType", "A321"), "errors", List.of("The fare must be above zero."),
                "aircraftTypes", List.of("A321"), "currencies", List.of("KRW", "USD"))));
        pages.put("error", with(locale, Map.of("status", 403, "kind", "403")));
        return pages;
    }

    private static Map<String, Object> with(Locale locale, Map<String, Object> page) {
        Map<String, Object> model = new HashMap<>(page);
        model.put("me", new Me(true, "Kim Minji", true, true));
        model.put("lang", locale.getLanguage());
        model.put("fmt", new Formats(locale));
        model.put("csrf", "token-123");
        model.put("here", "/trips");
        model.put("flash", new Page.Flash("ok", "Done."));
        return model;
    }

    private static String render(String template, Locale locale, Map<String, Object> model) throws Exception {
        StringWriter out = new StringWriter();
        HttpServletResponse response = proxy(HttpServletResponse.class, Map.of("getWriter", new PrintWriter(out)));
        Map<String, Object> attributes = new HashMap<>();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(TemplatesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, method, args) -> switch (method.getName()) {
                    case "getServletContext" -> proxy(ServletContext.class, Map.of());
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
                    default -> proxy(HttpServletRequest.class, Map.of()).getClass().getMethod(method.getName(), method.getParameterTypes())
                            .invoke(proxy(HttpServletRequest.class, Map.of()), args);
                });
        new Templates().render(request, response, template, locale, model);
        return out.toString();
    }

    /** A servlet object that answers what the templates' link building asks, and nothing else. */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(TemplatesTest.class.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (answers.containsKey(method.getName())) {
                return answers.get(method.getName());
            }
            return switch (method.getName()) {
                case "encodeURL", "encodeRedirectURL" -> args[0];
                case "getContextPath", "getServletPath" -> "";
                case "getRequestURI" -> "/";
                case "getAttributeNames", "getParameterNames", "getHeaderNames", "getLocales" -> Collections.emptyEnumeration();
                case "getParameterMap" -> Map.of();
                case "hashCode" -> System.identityHashCode(p);
                case "equals" -> p == args[0];
                case "toString" -> type.getSimpleName();
                default -> method.getReturnType() == boolean.class ? false : method.getReturnType() == int.class ? 0 : null;
            };
        });
    }
}
