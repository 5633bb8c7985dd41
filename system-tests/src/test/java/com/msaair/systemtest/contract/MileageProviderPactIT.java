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
import java.util.Map;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mileage keeps the pact its consumer reservation wrote ({@code reservation-mileage.json}, from
 * {@code MileageClientPactTest}) against the real mileage server. The pact says the check carries the
 * caller's bearer token; the states make a real person of the realm (a customer, or not) and the
 * request carries that person's real token, so mileage's own token and ownership checks take part.
 */
@Order(1)
@ExtendWith(SystemStack.class)
@Provider("mileage")
@PactFolder("target/pacts")
class MileageProviderPactIT {

    /** The person the current interaction's state made; the replayed request carries their token. */
    private static volatile Person caller;

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(HttpTestTarget.fromUrl(ProviderPactTargets.of(Service.MILEAGE)));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void keepsReservationsPact(PactVerificationContext context, HttpRequest request) {
        request.setHeader("Authorization", SystemStack.identities().bearer(caller));
        context.verifyInteraction();
    }

    @State("the caller is a customer")
    Map<String, Object> aCustomer() {
        caller = Api.newPerson();
        if (Api.becomeCustomer(caller).status() != 201) {
            throw new AssertionError("could not make " + caller.username() + " a customer");
        }
        return Map.of("customerId", caller.subject());
    }

    @State("the caller is not a customer")
    Map<String, Object> notACustomer() {
        caller = Api.newPerson();
        return Map.of("customerId", caller.subject());
    }
}
