package com.msaair.web.pages;

import com.msaair.web.api.ApiException;
import com.msaair.web.api.Reply;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The front page and the flight search: open to anyone (schedules are public); booking asks to sign in. */
@WebServlet(urlPatterns = {"", "/search"})
public class HomePage extends Page {

    private static final Pattern AIRPORT = Pattern.compile("[A-Z]{3}");
    private static final int RESULTS = 20;

    /** A search result: the flight and the seats it has left (null when the inventory could not be read). */
    public record Result(Flight flight, Integer seatsLeft) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> model = model(request);
        String origin = upper(request.getParameter("origin"));
        String destination = upper(request.getParameter("destination"));
        String date = request.getParameter("date");
        model.put("origin", origin);
        model.put("destination", destination);
        model.put("date", date == null || date.isBlank() ? LocalDate.now(ZoneOffset.UTC).plusDays(1).toString() : date);
        model.put("today", LocalDate.now(ZoneOffset.UTC).toString());
        if (!"/search".equals(request.getServletPath())) {
            render(request, response, "home", model);
            return;
        }
        List<String> errors = new ArrayList<>();
        if (origin != null && !AIRPORT.matcher(origin).matches()) {
            errors.add("search.error.origin");
        }
        if (destination != null && !AIRPORT.matcher(destination).matches()) {
            errors.add("search.error.destination");
        }
        if (date != null && !date.isBlank()) {
            try {
                LocalDate.parse(date);
            } catch (java.time.format.DateTimeParseException e) {
                errors.add("search.error.date");
            }
        }
        model.put("searched", true);
        model.put("errors", errors);
        if (!errors.isEmpty()) {
            render(request, response, 400, "home", model);
            return;
        }
        Reply found = api.searchFlights(origin, destination, date, 0, RESULTS);
        if (found.status() == 400) {
            model.put("errors", List.of("search.error.invalid"));
            render(request, response, 400, "home", model);
            return;
        }
        if (!found.ok()) {
            throw new ApiException("GET /api/schedules", found);
        }
        List<Result> results = new ArrayList<>();
        for (jakarta.json.JsonObject schedule : JsonRead.objects(found.json(), "items")) {
            Flight flight = Flight.of(schedule);
            results.add(new Result(flight, flight.bookable() ? seatsLeft(flight.id()) : null));
        }
        model.put("results", results);
        render(request, response, "home", model);
    }

    private Integer seatsLeft(long scheduleId) {
        Reply seats = api.seats(scheduleId);
        if (!seats.ok()) {
            return null; // not known to reservation yet (just registered)
        }
        return SeatMap.of(seats.json(), List.of()).seatsLeft();
    }

    private static String upper(String code) {
        return code == null || code.isBlank() ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
