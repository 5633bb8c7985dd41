package com.msaair.web.pages;

import com.msaair.web.api.ApiException;
import com.msaair.web.api.Reply;
import com.msaair.web.i18n.Formats;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One flight: its seat map, the seats chosen, a test card, and the booking. The outcome is said in
 * plain words: confirmed, or pending while the card processor is slow (the trip page then follows the
 * payment without a reload); a declined card or a seat someone else just took brings the page back
 * with what happened and the seats still free, never a charge twice (every form carries its own
 * Idempotency-Key, so a form sent twice is one booking).
 */
@WebServlet("/flights/*")
public class FlightPage extends Page {

    static final Pattern SEAT = Pattern.compile("[1-9][0-9]?[A-Z]");
    private static final Pattern SEAT_IN_TEXT = Pattern.compile("\\b([1-9][0-9]?[A-Z])\\b");
    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");
    static final int MAX_PASSENGERS = 9;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = segments(request);
        if (path.length != 1) {
            throw new NotFound();
        }
        show(request, response, id(path[0]), Set.of(), 1, "pm_card_visa", null, HttpServletResponse.SC_OK);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long flight = actionOn(request, "book");
        Set<String> seats = new LinkedHashSet<>();
        String[] chosen = request.getParameterValues("seat");
        if (chosen != null) {
            seats.addAll(Arrays.asList(chosen));
        }
        String method = request.getParameter("paymentMethod");
        String key = request.getParameter("bookingKey");
        int passengers = seats.isEmpty() ? parsePassengers(request.getParameter("passengers")) : seats.size();
        List<String> problems = new ArrayList<>();
        if (!seats.stream().allMatch(s -> SEAT.matcher(s).matches())) {
            problems.add("book.error.seat");
        }
        if (passengers < 1 || passengers > MAX_PASSENGERS) {
            problems.add("book.error.passengers");
        }
        if (!PaymentMethods.offered(method)) {
            problems.add("book.error.card");
        }
        if (key == null || !KEY.matcher(key).matches()) {
            problems.add("book.error.form");
        }
        if (!problems.isEmpty()) {
            show(request, response, flight, seats, Math.max(1, Math.min(passengers, MAX_PASSENGERS)), PaymentMethods.offered(method) ? method : "pm_card_visa",
                    Outcome.error(text(request, problems.get(0))), HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        JsonObjectBuilder booking = Json.createObjectBuilder().add("scheduleId", flight).add("passengers", passengers).add("paymentMethod", method);
        if (!seats.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            seats.forEach(list::add);
            booking.add("seats", list);
        }
        Reply booked = api.book(booking.build(), key, viewer.accessToken());
        switch (booked.status()) {
            case 201 -> {
                long id = JsonRead.number(booked.json(), "id");
                flash(request, "ok", "book.confirmed", id);
                seeOther(response, "/trips/" + id);
            }
            // HELD: the payment goes on in the background; the trip page follows it.
            case 202 -> seeOther(response, "/trips/" + JsonRead.number(booked.json(), "id"));
            case 402 -> {
                String reason = Reasons.fromDecline(booked.fieldMessage("paymentMethod").orElse(booked.detail()));
                show(request, response, flight, seats, passengers, method,
                        Outcome.error(text(request, "book.declined", text(request, Reasons.key(reason)))), 402);
            }
            case 409 -> {
                List<String> taken = booked.fieldMessage("seats").map(FlightPage::seatsIn).orElse(List.of());
                if (!taken.isEmpty()) {
                    Set<String> stillWanted = new LinkedHashSet<>(seats);
                    taken.forEach(stillWanted::remove);
                    show(request, response, flight, stillWanted, passengers, method,
                            Outcome.error(text(request, "book.seatTaken", String.join(", ", taken))), 409);
                } else {
                    show(request, response, flight, seats, passengers, method, Outcome.error(conflict(request, booked)), 409);
                }
            }
            case 400, 422 -> show(request, response, flight, seats, passengers, method,
                    Outcome.error(text(request, "book.refused", booked.detail())), booked.status());
            default -> throw new ApiException("POST /api/reservations", booked);
        }
    }

    /** Why reservation refused a booking that named no seat in conflict: sold out, cancelled, departed. */
    private String conflict(HttpServletRequest request, Reply booked) {
        String type = booked.problemType();
        if (type.endsWith(":sold-out")) {
            return text(request, "book.soldOut");
        }
        if (type.endsWith(":flight-cancelled")) {
            return text(request, "book.flightCancelled");
        }
        if (type.endsWith(":flight-departed")) {
            return text(request, "book.flightDeparted");
        }
        return text(request, "book.refused", booked.detail());
    }

    /** The page of one flight, with {@code selected} seats ticked where still free. */
    private void show(HttpServletRequest request, HttpServletResponse response, long id, Set<String> selected, int passengers, String method,
            Outcome outcome, int status) throws IOException {
        Reply schedule = api.flight(id);
        if (!schedule.ok()) {
            throw new ApiException("GET /api/schedules/{id}", schedule);
        }
        Flight flight = Flight.of(schedule.json());
        Reply seats = api.seats(id);
        Map<String, Object> model = model(request);
        model.put("here", "/flights/" + id); // also after a POST: the language switch comes back to the flight
        model.put("flight", flight);
        model.put("onSale", seats.ok());
        model.put("map", seats.ok() ? SeatMap.of(seats.json(), selected) : null);
        model.put("selected", List.copyOf(selected));
        model.put("passengers", passengers);
        model.put("maxPassengers", MAX_PASSENGERS);
        model.put("cards", PaymentMethods.TEST_CARDS);
        model.put("card", method);
        model.put("bookingKey", UUID.randomUUID().toString());
        model.put("outcome", outcome);
        Formats fmt = (Formats) model.get("fmt");
        model.put("total", fmt.money(flight.fareAmount() * Math.max(1, selected.isEmpty() ? passengers : selected.size()), flight.currency()));
        render(request, response, status, "flight", model);
    }

    /** What the booking came to, when the page comes back with it. */
    public record Outcome(String kind, String text) {
        static Outcome error(String text) {
            return new Outcome("error", text);
        }
    }

    static List<String> seatsIn(String message) {
        List<String> seats = new ArrayList<>();
        Matcher m = SEAT_IN_TEXT.matcher(message);
        while (m.find()) {
            seats.add(m.group(1));
        }
        return seats;
    }

    private static int parsePassengers(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
