package com.msaair.web.pages;

import com.msaair.web.i18n.Formats;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A reservation as "my trips" shows it. */
public record Trip(long id, long scheduleId, String flightNumber, Instant departure, int passengers, List<String> seats, String status,
        long priceAmount, String currency, Long refundAmount, String releaseReason, String cancellationReason, Instant holdExpiresAt,
        int miles, Instant createdAt) {

    static Trip of(JsonObject r) {
        JsonObject price = JsonRead.object(r, "price");
        JsonObject refund = JsonRead.object(r, "refund");
        return new Trip(JsonRead.number(r, "id"), JsonRead.number(r, "scheduleId"), JsonRead.string(r, "flightNumber"), JsonRead.instant(r, "departureTime"),
                (int) JsonRead.number(r, "passengers"), JsonRead.strings(r, "seats"), JsonRead.string(r, "status"),
                price == null ? 0 : JsonRead.number(price, "amount"), price == null ? "KRW" : JsonRead.string(price, "currency"),
                refund == null ? null : JsonRead.number(refund, "amount"), JsonRead.string(r, "releaseReason"), JsonRead.string(r, "cancellationReason"),
                JsonRead.instant(r, "holdExpiresAt"), (int) JsonRead.number(r, "miles"), JsonRead.instant(r, "createdAt"));
    }

    /** The status's bundle key: trip.status.confirmed, ... */
    public String statusKey() {
        return "trip.status." + status.toLowerCase(Locale.ROOT);
    }

    public boolean pending() {
        return "HELD".equals(status);
    }

    /** Whether it has reached an end the page need not wait for. */
    public boolean settled() {
        return !pending();
    }

    /** Whether the person may still cancel it: it holds seats and the flight has not left. */
    public boolean cancellable() {
        return ("HELD".equals(status) || "CONFIRMED".equals(status)) && departure != null && departure.isAfter(Instant.now());
    }

    public String price(Formats fmt) {
        return fmt.money(priceAmount, currency);
    }

    public String refund(Formats fmt) {
        return refundAmount == null ? null : fmt.money(refundAmount, currency);
    }

    public String seatList() {
        return String.join(", ", seats);
    }

    /** The bundle key of why a released booking ended (a card processor's reason, or the hold running out). */
    public String releaseReasonKey() {
        return Reasons.key(releaseReason);
    }
}
