package com.msaair.reservation.adapter.out.payment;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.msaair.platform.domain.Money;
import com.msaair.platform.security.ServiceIdentity;
import com.msaair.reservation.domain.Flight;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.FlightStatus;
import com.msaair.reservation.domain.Payments.PaymentOutcome;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.SeatLayout;
import java.lang.reflect.Field;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reservation's contract with payment, consumer side: the charge of a held booking, sent with
 * reservation's own bearer token (its service identity) and the booking's terms; reservation reads the
 * status (201 paid, 402 declined, 422 an unknown method) and of a decline the {@code paymentMethod}
 * error's message (the processor's reason) — nothing else, so the pact asks for no body of a 201, and
 * payment sends none. Drives the real {@link PaymentClient} and
 * {@link PaymentServicePayments#charge} (without its fault-tolerance interceptors);
 * {@code PaymentProviderPactIT} verifies the pact against the real payment server with a real token
 * of reservation's client.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "payment")
class PaymentClientPactTest {

    static final String BEARER = "Bearer [A-Za-z0-9._~+/=-]+";
    static final String EXAMPLE_TOKEN = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJhenAiOiJtc2FhaXItcmVzZXJ2YXRpb24ifQ.c2lnbmF0dXJl";
    static final Instant CAPTURE_BEFORE = Instant.parse("2030-01-01T10:14:00Z");

    private static PactDslJsonBody charge(long reservationId, String paymentMethod) {
        PactDslJsonBody body = new PactDslJsonBody()
                .valueFromProviderState("reservationId", "${reservationId}", reservationId)
                .valueFromProviderState("customerId", "${customerId}", "minji");
        body.object("amount").integerType("amount", 250_000L).stringMatcher("currency", "[A-Z]{3}", "KRW").closeObject();
        return body.stringValue("paymentMethod", paymentMethod)
                .valueFromProviderState("captureBefore", "${captureBefore}", CAPTURE_BEFORE.toString());
    }

    @Pact(consumer = "reservation")
    V4Pact paid(PactDslWithProvider builder) {
        return builder.given("a customer with a held booking")
                .uponReceiving("the charge of a held booking, approved")
                .path("/api/payments").method("POST")
                .matchHeader("Authorization", BEARER, EXAMPLE_TOKEN)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(charge(1001, "pm_card_visa"))
                .willRespondWith().status(201)
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "reservation")
    V4Pact declined(PactDslWithProvider builder) {
        return builder.given("a customer with a held booking")
                .uponReceiving("the charge of a held booking, declined for insufficient funds")
                .path("/api/payments").method("POST")
                .matchHeader("Authorization", BEARER, EXAMPLE_TOKEN)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(charge(1002, "pm_card_insufficient_funds"))
                .willRespondWith().status(402)
                .matchHeader("Content-Type", "application/problem\\+json.*", "application/problem+json")
                .body(new PactDslJsonBody().minArrayLike("errors", 1)
                        .stringValue("field", "paymentMethod")
                        .stringValue("message", "insufficient_funds")
                        .closeObject().closeArray())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "reservation")
    V4Pact unknownMethod(PactDslWithProvider builder) {
        return builder.given("a customer with a held booking")
                .uponReceiving("the charge of a held booking with a payment method the processor does not know")
                .path("/api/payments").method("POST")
                .matchHeader("Authorization", BEARER, EXAMPLE_TOKEN)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(charge(1003, "pm_card_nobody_knows"))
                .willRespondWith().status(422)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "paid")
    void anApprovedChargeIsPaid(MockServer payment) {
        assertThat(chargesAt(payment).charge(heldBooking(1001, "pm_card_visa"), CAPTURE_BEFORE)).isEqualTo(PaymentOutcome.PAID);
    }

    @Test
    @PactTestFor(pactMethod = "declined")
    void aDeclineIsAnAnswerWithTheProcessorsReason(MockServer payment) {
        assertThat(chargesAt(payment).charge(heldBooking(1002, "pm_card_insufficient_funds"), CAPTURE_BEFORE))
                .isEqualTo(PaymentOutcome.declined("insufficient_funds"));
    }

    @Test
    @PactTestFor(pactMethod = "unknownMethod")
    void anUnknownMethodIsAnAnswer(MockServer payment) {
        assertThat(chargesAt(payment).charge(heldBooking(1003, "pm_card_nobody_knows"), CAPTURE_BEFORE)).isEqualTo(PaymentOutcome.unknownMethod());
    }

    /** Minji's booking {@code reservationId}, held for two seats of a 125,000 KRW fare: 250,000 KRW, by {@code paymentMethod}. */
    private static Reservation heldBooking(long reservationId, String paymentMethod) {
        Instant departure = Instant.parse("2030-02-01T09:00:00Z");
        Flight flight = Flight.of(new FlightFacts(5, "KE1234", "ICN", "CJU", departure, departure.plusSeconds(4200), FlightFacts.GENERIC,
                SeatLayout.generic(180), 100, new Money(125_000, "KRW"), FlightStatus.SCHEDULED));
        Reservation held = Reservation.hold("minji", flight, 2, List.of(), Set.of(), true, paymentMethod, CAPTURE_BEFORE.plusSeconds(60),
                CAPTURE_BEFORE.minusSeconds(840));
        try {
            Field id = Reservation.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(held, reservationId);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return held;
    }

    private static PaymentServicePayments chargesAt(MockServer payment) {
        PaymentServicePayments charges = new PaymentServicePayments();
        charges.payment = RestClientBuilder.newBuilder().baseUri(URI.create(payment.getUrl())).build(PaymentClient.class);
        charges.identity = new ServiceIdentity() {
            @Override
            public String authorization() {
                return EXAMPLE_TOKEN;
            }
        };
        return charges;
    }

}
