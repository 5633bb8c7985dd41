package com.msaair.reservation.adapter.out.payment;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * A refused payment is an answer, not a failure: 402 (declined, the processor's reason in the
 * problem's {@code paymentMethod} error) and 422 (an unknown payment method) become a
 * {@link PaymentRefused} the policy bean turns into an outcome, so they are never retried, never
 * trip the circuit and never fall back to "pending".
 */
public class PaymentRefusalMapper implements ResponseExceptionMapper<PaymentRefusalMapper.PaymentRefused> {

    /** The reason when the answer names none. */
    static final String UNNAMED = "card_declined";

    /** The payment service refused the charge. */
    public static class PaymentRefused extends RuntimeException {
        private final boolean unknownMethod;
        private final String reason;

        PaymentRefused(boolean unknownMethod, String reason) {
            super(reason, null, false, false);
            this.unknownMethod = unknownMethod;
            this.reason = reason;
        }

        public boolean unknownMethod() {
            return unknownMethod;
        }

        public String reason() {
            return reason;
        }
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status == 402 || status == 422;
    }

    @Override
    public PaymentRefused toThrowable(Response response) {
        return new PaymentRefused(response.getStatus() == 422, reason(response));
    }

    /** The message of the problem's {@code paymentMethod} error, kept to a short token. */
    static String reason(Response response) {
        try {
            String body = response.readEntity(String.class);
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                JsonArray errors = reader.readObject().getJsonArray("errors");
                if (errors != null) {
                    for (JsonValue error : errors) {
                        JsonObject e = error.asJsonObject();
                        if ("paymentMethod".equals(e.getString("field", "")) && e.getString("message", "").matches("[a-z0-9_]{1,64}")) {
                            return e.getString("message");
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // not the problem document we expect: the decline stands, without its reason
        }
        return UNNAMED;
    }
}
