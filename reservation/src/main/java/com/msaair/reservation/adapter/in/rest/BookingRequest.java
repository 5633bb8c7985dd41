package com.msaair.reservation.adapter.in.rest;

import com.msaair.platform.json.JsonFields;
import com.msaair.platform.rest.InvalidRequestException;
import com.msaair.platform.security.Caller;
import com.msaair.platform.security.CustomerIds;
import com.msaair.platform.security.Roles;
import com.msaair.reservation.application.BookFlight;
import com.msaair.reservation.domain.Reservation;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/reservations}. Miles are not part of it: the server computes them. Nor,
 * for a customer, is who books: that is the token's subject; {@code customerId} is for staff booking
 * on a customer's behalf (a customer may send their own id, nobody else's).
 */
@Schema(name = "BookingRequest", description = "Seats to book on a flight")
public record BookingRequest(
        @Schema(description = "Only when staff book on a customer's behalf: the customer's id", example = "3d500791-c63a-4078-a0cb-b9fee0ca9092",
                maxLength = CustomerIds.MAX_LENGTH) String customerId,
        @Schema(example = "1", minimum = "1") long scheduleId,
        @Schema(example = "2", minimum = "1", maximum = "9") int passengers) {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Set<String> FIELDS = Set.of("customerId", "scheduleId", "passengers");
    private static final Pattern KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,100}");

    /** @param caller whose booking it is: themselves, or (staff) the customer the body names */
    static BookFlight parse(JsonObject body, String idempotencyKey, Caller caller) {
        JsonFields fields = JsonFields.strict(body, FIELDS);
        Optional<String> named = CustomerIds.field(fields, "customerId");
        long scheduleId = fields.requiredLong("scheduleId", 1, Long.MAX_VALUE);
        int passengers = fields.requiredInt("passengers", 1, Reservation.MAX_PASSENGERS);
        if (idempotencyKey != null && !KEY_FORMAT.matcher(idempotencyKey).matches()) {
            fields.reject(IDEMPOTENCY_KEY, "must be 1 to 100 visible ASCII characters");
        }
        fields.validOrThrow(InvalidRequestException::new);
        String customerId = caller.customerFor("customerId", named.orElse(null), Roles.MANAGER);
        return new BookFlight(customerId, scheduleId, passengers, Optional.ofNullable(idempotencyKey));
    }
}
