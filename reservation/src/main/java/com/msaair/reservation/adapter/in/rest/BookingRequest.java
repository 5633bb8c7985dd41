package com.msaair.reservation.adapter.in.rest;

import com.msaair.platform.json.JsonFields;
import com.msaair.platform.rest.InvalidRequestException;
import com.msaair.platform.security.Caller;
import com.msaair.platform.security.CustomerIds;
import com.msaair.platform.security.Roles;
import com.msaair.reservation.application.BookFlight;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.Seat;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/reservations}. Miles and the price are not part of it: the server
 * computes them. Nor,
 * for a customer, is who books: that is the token's subject; {@code customerId} is for staff booking
 * on a customer's behalf (a customer may send their own id, nobody else's).
 */
@Schema(name = "BookingRequest", description = "Seats to book on a flight")
public record BookingRequest(
        @Schema(description = "Only when staff book on a customer's behalf: the customer's id", example = "3d500791-c63a-4078-a0cb-b9fee0ca9092",
                maxLength = CustomerIds.MAX_LENGTH) String customerId,
        @Schema(example = "1", minimum = "1") long scheduleId,
        @Schema(example = "2", minimum = "1", maximum = "9") int passengers,
        @Schema(description = "The seats to book, one per passenger, each its row and letter (12A), as GET /api/flights/{scheduleId}/seats"
                + " shows them; a seat held or taken meanwhile is a 409 naming it. Leave it out (or send []) to get seats next to"
                + " each other: in one row with no aisle between where a row has room for the party", example = "[\"12A\", \"12B\"]",
                maxItems = 9) List<String> seats,
        @Schema(description = "How to pay: a card processor's payment method token, never a card number. The sandbox's test methods:"
                + " pm_card_visa (paid), pm_card_declined, pm_card_insufficient_funds (declined), pm_card_slow (answers after 5 s),"
                + " pm_card_error (a processor error)", example = "pm_card_visa", pattern = "^pm_[a-z0-9_]{1,60}$") String paymentMethod) {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Set<String> FIELDS = Set.of("customerId", "scheduleId", "passengers", "seats", "paymentMethod");
    /** A processor's token. Anything else — a card number above all — is refused here, never stored, never logged. */
    static final Pattern PAYMENT_METHOD = Pattern.compile("pm_[a-z0-9_]{1,60}");
    private static final Pattern KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,100}");

    /** @param caller whose booking it is: themselves, or (staff) the customer the body names */
    static BookFlight parse(JsonObject body, String idempotencyKey, Caller caller) {
        JsonFields fields = JsonFields.strict(body, FIELDS);
        Optional<String> named = CustomerIds.field(fields, "customerId");
        long scheduleId = fields.requiredLong("scheduleId", 1, Long.MAX_VALUE);
        int passengers = fields.requiredInt("passengers", 1, Reservation.MAX_PASSENGERS);
        List<String> seats = fields.optionalStrings("seats", Reservation.MAX_PASSENGERS, Seat.FORMAT, Seat.EXPECTED).orElse(List.of());
        if (Set.copyOf(seats).size() != seats.size()) {
            fields.reject("seats", "must name each seat once");
        } else if (!seats.isEmpty() && passengers != 0 && seats.size() != passengers) {
            fields.reject("seats", "must name one seat per passenger: " + passengers + " passenger(s), " + seats.size() + " seat(s)");
        }
        String paymentMethod = fields.requiredString("paymentMethod", PAYMENT_METHOD, "a payment method token such as pm_card_visa");
        if (idempotencyKey != null && !KEY_FORMAT.matcher(idempotencyKey).matches()) {
            fields.reject(IDEMPOTENCY_KEY, "must be 1 to 100 visible ASCII characters");
        }
        fields.validOrThrow(InvalidRequestException::new);
        String customerId = caller.customerFor("customerId", named.orElse(null), Roles.MANAGER);
        return new BookFlight(customerId, scheduleId, passengers, paymentMethod, Optional.ofNullable(idempotencyKey), seats);
    }
}
