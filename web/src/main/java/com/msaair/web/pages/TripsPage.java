package com.msaair.web.pages;

import com.msaair.web.api.ApiException;
import com.msaair.web.api.Reply;
import com.msaair.web.i18n.Formats;
import com.msaair.web.i18n.Messages;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * My trips: the list, one trip (with its payment as it stands, followed live while it is pending),
 * and cancelling with the refund. Another customer's trip is "not found", as reservation answers it.
 */
@WebServlet("/trips/*")
public class TripsPage extends Page {

    private static final int PAGE_SIZE = 50;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = segments(request);
        if (path.length == 0) {
            list(request, response);
        } else if (path.length == 1) {
            one(request, response, id(path[0]));
        } else if (path.length == 2 && path[1].equals("status")) {
            status(request, response, id(path[0]));
        } else {
            throw new NotFound();
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id = actionOn(request, "cancel");
        Reply cancelled = api.cancelReservation(id, viewer.accessToken());
        if (cancelled.ok()) {
            Trip trip = Trip.of(cancelled.json());
            Formats fmt = new Formats(locale(request));
            String refund = trip.refund(fmt);
            flash(request, "ok", "trip.cancelled", refund == null ? fmt.money(0, trip.currency()) : refund);
        } else if (cancelled.status() == 409) {
            flash(request, "error", "trip.notCancellable");
        } else {
            throw new ApiException("DELETE /api/reservations/{id}", cancelled);
        }
        seeOther(response, "/trips/" + id);
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Reply trips = api.reservations(0, PAGE_SIZE, viewer.accessToken());
        if (!trips.ok()) {
            throw new ApiException("GET /api/reservations", trips);
        }
        Map<String, Object> model = model(request);
        model.put("trips", JsonRead.objects(trips.json(), "items").stream().map(Trip::of).toList());
        render(request, response, "trips", model);
    }

    private void one(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        Trip trip = trip(id);
        Reply schedule = api.flight(trip.scheduleId());
        Map<String, Object> model = model(request);
        model.put("trip", trip);
        model.put("outcome", outcomeText(locale(request), trip));
        model.put("flight", schedule.ok() ? Flight.of(schedule.json()) : null);
        render(request, response, "trip", model);
    }

    /** For the page's script while a payment is pending: where the booking stands, in the page's language. */
    private void status(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        Trip trip = trip(id);
        Locale locale = locale(request);
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("status", trip.status())
                .add("settled", trip.settled())
                .add("label", Messages.text(locale, trip.statusKey()))
                .add("message", outcomeText(locale, trip));
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(answer.build().toString());
    }

    /** The sentence that says where a booking stands (why, if it ended unpaid). */
    static String outcomeText(Locale locale, Trip trip) {
        Formats fmt = new Formats(locale);
        String refund = trip.refund(fmt);
        return Messages.text(locale, outcomeKey(trip), Messages.text(locale, trip.releaseReasonKey()),
                refund == null ? fmt.money(0, trip.currency()) : refund);
    }

    static String outcomeKey(Trip trip) {
        return switch (trip.status()) {
            case "HELD" -> "trip.outcome.pending";
            case "CONFIRMED" -> "trip.outcome.confirmed";
            case "PAYMENT_FAILED" -> "trip.outcome.declined";
            case "EXPIRED" -> "trip.outcome.expired";
            default -> "trip.outcome.cancelled";
        };
    }

    private Trip trip(long id) {
        Reply reservation = api.reservation(id, viewer.accessToken());
        if (!reservation.ok()) {
            throw new ApiException("GET /api/reservations/{id}", reservation);
        }
        return Trip.of(reservation.json());
    }
}
