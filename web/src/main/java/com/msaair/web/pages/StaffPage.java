package com.msaair.web.pages;

import com.msaair.web.api.ApiException;
import com.msaair.web.api.Reply;
import com.msaair.web.board.BoardRow;
import com.msaair.web.board.LiveBoard;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Airline staff: the flight board (load factor, seats held, revenue per flight, updated live),
 * registering a flight and cancelling one. Only the manager role reaches these pages (web.xml); the
 * services check the same role again on every call.
 */
@WebServlet(urlPatterns = "/staff/*", asyncSupported = true)
public class StaffPage extends Page {

    private static final Pattern FLIGHT_NUMBER = Pattern.compile("[A-Z0-9]{2}[0-9]{1,4}[A-Z]?");
    private static final Pattern AIRPORT = Pattern.compile("[A-Z]{3}");
    static final List<String> CURRENCIES = List.of("KRW", "USD", "JPY", "EUR");

    @Inject
    LiveBoard board;

    /** The aircraft types offered when registering a flight; the schedule service's catalogue decides what it takes. */
    @Inject
    @ConfigProperty(name = "aircraft.types", defaultValue = "A321")
    List<String> aircraftTypes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = segments(request);
        if (path.length == 0) {
            board(request, response);
        } else if (path.length == 1 && path[0].equals("events")) {
            events(request, response);
        } else if (path.length == 2 && path[0].equals("flights") && path[1].equals("new")) {
            Map<String, Object> model = model(request);
            model.put("form", Map.of("currency", "KRW", "aircraftType", aircraftTypes.get(0), "miles", "1000"));
            registerForm(request, response, model, List.of(), HttpServletResponse.SC_OK);
        } else {
            throw new NotFound();
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = segments(request);
        if (path.length == 1 && path[0].equals("flights")) {
            register(request, response);
        } else if (path.length == 3 && path[0].equals("flights") && path[2].equals("cancel")) {
            long id = id(path[1]);
            Reply cancelled = api.cancelFlight(id, viewer.accessToken());
            if (cancelled.ok()) {
                flash(request, "ok", "staff.cancelled", JsonRead.string(cancelled.json(), "flightNumber"));
            } else if (cancelled.status() == 409) {
                flash(request, "error", "staff.notCancellable");
            } else {
                throw new ApiException("DELETE /api/schedules/{id}", cancelled);
            }
            seeOther(response, "/staff");
        } else {
            throw new NotFound();
        }
    }

    private void board(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Reply sales = api.sales(viewer.accessToken());
        if (!sales.ok()) {
            throw new ApiException("GET /api/flights/sales", sales);
        }
        Map<String, Object> model = model(request);
        List<BoardRow> rows = new ArrayList<>();
        for (jakarta.json.JsonObject flight : JsonRead.objects(sales.json(), "flights")) {
            rows.add(BoardRow.of(flight));
        }
        model.put("rows", rows);
        render(request, response, "staff-board", model);
    }

    /** The board's live stream (server-sent events), until shortly before this person's access token expires. */
    private void events(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/event-stream;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // nginx: pass events on as they come
        response.flushBuffer();
        Instant expires = viewer.accessTokenExpires();
        AsyncContext stream = request.startAsync();
        stream.setTimeout(Math.max(1, Duration.between(Instant.now(), expires).toMillis()));
        stream.addListener(new jakarta.servlet.AsyncListener() {
            @Override
            public void onComplete(jakarta.servlet.AsyncEvent event) {
                board.leave(stream);
            }

            @Override
            public void onTimeout(jakarta.servlet.AsyncEvent event) {
                board.leave(stream);
                stream.complete();
            }

            @Override
            public void onError(jakarta.servlet.AsyncEvent event) {
                board.leave(stream);
            }

            @Override
            public void onStartAsync(jakarta.servlet.AsyncEvent event) {
                // nothing to do
            }
        });
        board.watch(stream, viewer.accessToken(), expires, locale(request));
    }

    private void register(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("flightNumber", "origin", "destination", "departure", "arrival", "aircraftType", "miles", "fare", "currency")) {
            String value = request.getParameter(field);
            form.put(field, value == null ? "" : value.strip());
        }
        form.computeIfPresent("flightNumber", (k, v) -> v.toUpperCase(java.util.Locale.ROOT));
        form.computeIfPresent("origin", (k, v) -> v.toUpperCase(java.util.Locale.ROOT));
        form.computeIfPresent("destination", (k, v) -> v.toUpperCase(java.util.Locale.ROOT));
        List<String> errors = new ArrayList<>();
        JsonObjectBuilder schedule = Json.createObjectBuilder();
        check(FLIGHT_NUMBER.matcher(form.get("flightNumber")).matches(), errors, "staff.error.flightNumber",
                () -> schedule.add("flightNumber", form.get("flightNumber")));
        check(AIRPORT.matcher(form.get("origin")).matches(), errors, "staff.error.origin", () -> schedule.add("origin", form.get("origin")));
        check(AIRPORT.matcher(form.get("destination")).matches(), errors, "staff.error.destination",
                () -> schedule.add("destination", form.get("destination")));
        Instant departure = utc(form.get("departure"));
        Instant arrival = utc(form.get("arrival"));
        check(departure != null, errors, "staff.error.departure", () -> schedule.add("departureTime", departure.toString()));
        check(arrival != null, errors, "staff.error.arrival", () -> schedule.add("arrivalTime", arrival.toString()));
        check(aircraftTypes.contains(form.get("aircraftType")), errors, "staff.error.aircraftType",
                () -> schedule.add("aircraftType", form.get("aircraftType")));
        Integer miles = positive(form.get("miles"));
        check(miles != null, errors, "staff.error.miles", () -> schedule.add("miles", miles));
        Long fare = CURRENCIES.contains(form.get("currency")) ? minorUnits(form.get("fare"), form.get("currency")) : null;
        check(fare != null, errors, "staff.error.fare",
                () -> schedule.add("fare", Json.createObjectBuilder().add("amount", fare).add("currency", form.get("currency"))));
        Map<String, Object> model = model(request);
        model.put("form", form);
        if (!errors.isEmpty()) {
            registerForm(request, response, model, errors.stream().map(key -> text(request, key)).toList(), HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Reply registered = api.registerFlight(schedule.build(), viewer.accessToken());
        if (registered.status() == 201) {
            flash(request, "ok", "staff.registered", form.get("flightNumber"));
            seeOther(response, "/staff");
        } else if (registered.status() == 400 || registered.status() == 409 || registered.status() == 422) {
            List<String> reasons = new ArrayList<>();
            for (String field : registered.fields()) {
                reasons.add(field + ": " + registered.fieldMessage(field).orElse(""));
            }
            if (reasons.isEmpty()) {
                reasons.add(registered.detail());
            }
            registerForm(request, response, model, reasons, registered.status());
        } else {
            throw new ApiException("POST /api/schedules", registered);
        }
    }

    private void registerForm(HttpServletRequest request, HttpServletResponse response, Map<String, Object> model, List<String> errors, int status)
            throws IOException {
        model.put("here", "/staff/flights/new");
        model.put("errors", errors);
        model.put("aircraftTypes", aircraftTypes);
        model.put("currencies", CURRENCIES);
        render(request, response, status, "staff-new", model);
    }

    private static void check(boolean valid, List<String> errors, String key, Runnable add) {
        if (valid) {
            add.run();
        } else {
            errors.add(key);
        }
    }

    /** A {@code datetime-local} value ("2027-03-01T09:00"), read as UTC (the form says so). */
    static Instant utc(String value) {
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A fare in the currency's major units ("125000", "125.50") as whole minor units; null if it has finer fractions or is not positive. */
    static Long minorUnits(String value, String currency) {
        try {
            BigDecimal amount = new BigDecimal(value).movePointRight(Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()));
            return amount.signum() > 0 ? amount.longValueExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Integer positive(String value) {
        try {
            int n = Integer.parseInt(value);
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
