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
import com.msaair.reservation.domain.Payments.PaymentOutcome;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reservation's contract with payment, consumer side: the charge of a held booking, sent with
 * reservation's own bearer token (its service identity) and the booking's terms; reservation reads the
 * status (201 paid, 402 declined, 422 an unknown method) and of a decline the {@code paymentMethod}
 * error's message (the processor's reason) — nothing else, so the pact asks for no body of a 201, and
 * payment sends none. Drives the real {@link PaymentClient} and
 * {@link PaymentCharges#charge} (without its fault-tolerance interceptors);
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
        assertThat(chargesAt(payment).charge(request(1001, "pm_card_visa"))).isEqualTo(PaymentOutcome.PAID);
    }

    @Test
    @PactTestFor(pactMethod = "declined")
    void aDeclineIsAnAnswerWithTheProcessorsReason(MockServer payment) {
        assertThat(chargesAt(payment).charge(request(1002, "pm_card_insufficient_funds")))
                .isEqualTo(PaymentOutcome.declined("insufficient_funds"));
    }

    @Test
    @PactTestFor(pactMethod = "unknownMethod")
    void anUnknownMethodIsAnAnswer(MockServer payment) {
        assertThat(chargesAt(payment).charge(request(1003, "pm_card_nobody_knows"))).isEqualTo(PaymentOutcome.unknownMethod());
    }

    private static ChargeRequest request(long reservationId, String paymentMethod) {
        return new ChargeRequest(reservationId, "minji", new Money(250_000, "KRW"), paymentMethod, CAPTURE_BEFORE);
    }

    private static PaymentCharges chargesAt(MockServer payment) {
        PaymentCharges charges = new PaymentCharges();
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
