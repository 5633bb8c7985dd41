package com.msaair.web.board;

import com.msaair.web.i18n.Formats;
import com.msaair.web.i18n.Messages;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/**
 * One flight on the staff's board: seats sold over capacity (the load factor), seats held awaiting
 * payment, and the revenue kept, as reservation's {@code /api/flights/sales} reports them.
 */
public record BoardRow(long scheduleId, String flightNumber, String origin, String destination, Instant departure, String status,
        int capacity, int sold, int held, int loadPercent, long revenue, String currency) {

    public static BoardRow of(JsonObject sale) {
        JsonObject revenue = sale.getJsonObject("revenue");
        return new BoardRow(sale.getJsonNumber("scheduleId").longValue(), sale.getString("flightNumber"), sale.getString("origin"),
                sale.getString("destination"), Instant.parse(sale.getString("departureTime")), sale.getString("status"),
                sale.getInt("seatCapacity"), sale.getInt("seatsSold"), sale.getInt("seatsHeld"), sale.getInt("loadFactorPercent"),
                revenue == null ? 0 : ((JsonNumber) revenue.get("amount")).longValue(), revenue == null ? "KRW" : revenue.getString("currency"));
    }

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }

    public String statusKey() {
        return "board.status." + status.toLowerCase(Locale.ROOT);
    }

    public String revenue(Formats fmt) {
        return fmt.money(revenue, currency);
    }

    /** "12 of 180 seats sold", in the page's language. */
    public String soldText(Formats fmt) {
        return Messages.text(fmt.locale(), "board.soldOf", fmt.number(sold), fmt.number(capacity));
    }

    /** What the page's script needs to draw or update this row, every text in {@code locale}. */
    public JsonObject toJson(Locale locale) {
        Formats fmt = new Formats(locale);
        return Json.createObjectBuilder()
                .add("id", scheduleId)
                .add("flightNumber", flightNumber)
                .add("route", origin + " → " + destination)
                .add("departure", fmt.dateTime(departure))
                .add("departureIso", departure.toString())
                .add("status", status)
                .add("statusText", Messages.text(locale, statusKey()))
                .add("cancelled", cancelled())
                .add("loadPercent", loadPercent)
                .add("load", fmt.number(loadPercent) + "%")
                .add("soldText", soldText(fmt))
                .add("held", fmt.number(held))
                .add("revenue", revenue(fmt))
                .build();
    }
}
