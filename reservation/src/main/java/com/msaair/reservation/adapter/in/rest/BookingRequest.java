package com.msaair.reservation.adapter.in.rest;

import com.msaair.platform.json.JsonFields;
import com.msaair.platform.rest.InvalidRequestException;
import com.msaair.reservation.application.BookFlight;
import com.msaair.reservation.domain.Reservation;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/reservations}. Miles are not part of it: the server computes them. */
@Schema(name = "BookingRequest", description = "Seats to book on a flight")
public record BookingRequest(
        @Schema(example = "1", minimum = "1") long customerId,
        @Schema(example = "1", minimum = "1") long scheduleId,
        @Schema(example = "2", minimum = "1", maximum = "9") int passengers) {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Set<String> FIELDS = Set.of("customerId", "scheduleId", "passengers");
    private static final Pattern KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,100}");

    static BookFlight parse(JsonObject body, String idempotencyKey) {
        JsonFields fields = JsonFields.strict(body, FIELDS);
        long customerId = fields.requiredLong("customerId", 1, Long.MAX_VALUE);
        long scheduleId = fields.requiredLong("scheduleId", 1, Long.MAX_VALUE);
        int passengers = fields.requiredInt("passengers", 1, Reservation.MAX_PASSENGERS);
        if (idempotencyKey != null && !KEY_FORMAT.matcher(idempotencyKey).matches()) {
            fields.reject(IDEMPOTENCY_KEY, "must be 1 to 100 visible ASCII characters");
        }
        fields.validOrThrow(InvalidRequestException::new);
        return new BookFlight(customerId, scheduleId, passengers, Optional.ofNullable(idempotencyKey));
    }
}
