package com.msaair.systemtest.contract;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.msaair.localstack.Identities.Person;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.SystemStack;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payment keeps the pact its consumer reservation wrote ({@code reservation-payment.json}, from
 * {@code PaymentClientPactTest}) against the real payment server and its sandbox processor: approved
 * (201), declined with the processor's reason (402), an unknown method (422). The state makes a real
 * customer of the realm and a reservation id nobody has paid for; the request carries a real token of
 * reservation's own client, so payment's token check and its service-only rule take part.
 */
@Order(1)
@ExtendWith(SystemStack.class)
@Provider("payment")
@PactFolder("target/pacts")
class PaymentProviderPactIT {


    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(HttpTestTarget.fromUrl(ProviderPactTargets.of(Service.PAYMENT)));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void keepsReservationsPact(PactVerificationContext context, HttpRequest request) {
        request.setHeader("Authorization", Api.service());
        context.verifyInteraction();
    }

    @State("a customer with a held booking")
    Map<String, Object> aHeldBooking() {
        Person caller = Api.newPerson();
        if (Api.becomeCustomer(caller).status() != 201) {
            throw new AssertionError("could not make " + caller.username() + " a customer");
        }
        // A reservation id far above any the reservation service of this stack hands out, new per interaction.
        long reservationId = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        return Map.of("customerId", caller.subject(), "reservationId", reservationId,
                "captureBefore", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
