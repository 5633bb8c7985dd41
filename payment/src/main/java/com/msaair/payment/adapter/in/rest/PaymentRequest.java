package com.msaair.payment.adapter.in.rest;

import com.msaair.payment.application.PayReservation;
import com.msaair.payment.domain.PaymentMethods;
import com.msaair.platform.domain.Money;
import com.msaair.platform.json.JsonFields;
import com.msaair.platform.rest.InvalidRequestException;
import com.msaair.platform.security.CustomerIds;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/payments}: pay for a held booking. Sent only by reservation, as itself
 * (its service identity): every term — the reservation, whose money, how much, how, until when — is
 * reservation's own record of the booking, never a body a customer could shape.
 */
@Schema(name = "PaymentRequest", description = "Pay for a held booking")
public record PaymentRequest(
        @Schema(example = "1001", minimum = "1") long reservationId,
        @Schema(description = "The booking's customer (its token's subject when booking)", maxLength = CustomerIds.MAX_LENGTH) String customerId,
        @Schema(description = "Whole minor units of an ISO-4217 currency") MoneyView amount,
        @Schema(description = "A payment method token of the card processor, never a card number", example = "pm_card_visa",
                pattern = "^pm_[a-z0-9_]{1,60}$") String paymentMethod,
        @Schema(description = "No charge is made after this instant (the booking's hold runs out soon after)") Instant captureBefore) {

    private static final Set<String> FIELDS = Set.of("reservationId", "customerId", "amount", "paymentMethod", "captureBefore");

    @Schema(name = "Money")
    public record MoneyView(@Schema(example = "250000", minimum = "1") long amount, @Schema(example = "KRW", pattern = "^[A-Z]{3}$") String currency) {}

    static PayReservation parse(JsonObject body) {
        JsonFields fields = JsonFields.strict(body, FIELDS);
        long reservationId = fields.requiredLong("reservationId", 1, Long.MAX_VALUE);
        String customerId = fields.requiredString("customerId", CustomerIds.FORMAT, CustomerIds.EXPECTED);
        Money amount = fields.requiredMoney("amount", 1);
        String paymentMethod = fields.requiredString("paymentMethod", PaymentMethods.FORMAT, PaymentMethods.EXPECTED);
        Instant captureBefore = fields.requiredInstant("captureBefore");
        fields.validOrThrow(InvalidRequestException::new);
        return new PayReservation(reservationId, customerId, amount, paymentMethod, captureBefore);
    }
}
