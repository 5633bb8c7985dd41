package com.msaair.reservation.adapter.out.mileage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.msaair.platform.security.Caller;
import com.msaair.reservation.domain.CustomerDirectory.CustomerCheck;
import com.msaair.reservation.domain.ReservationException;
import java.net.URI;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reservation's contract with mileage, consumer side: the customer check asks with the caller's own
 * bearer token and reads only the status (200: a customer; 404: none the caller may see). Drives the
 * real {@link MileageClient} and {@link MileageServiceCustomers#check} (without its fault-tolerance interceptors); {@code MileageProviderPactIT} verifies
 * the pact against the real mileage server with a real token of the state's person.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "mileage")
class MileageClientPactTest {

    static final String BEARER = "Bearer [A-Za-z0-9._~+/=-]+";
    static final String EXAMPLE_TOKEN = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtaW5qaSJ9.c2lnbmF0dXJl";

    @Pact(consumer = "reservation")
    V4Pact aCustomer(PactDslWithProvider builder) {
        return builder.given("the caller is a customer")
                .uponReceiving("the customer check for the caller, a customer")
                .pathFromProviderState("/api/customers/${customerId}", "/api/customers/minji").method("GET")
                .matchHeader("Authorization", BEARER, EXAMPLE_TOKEN)
                .willRespondWith().status(200)
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "reservation")
    V4Pact notACustomer(PactDslWithProvider builder) {
        return builder.given("the caller is not a customer")
                .uponReceiving("the customer check for the caller, who never became a customer")
                .pathFromProviderState("/api/customers/${customerId}", "/api/customers/jun").method("GET")
                .matchHeader("Authorization", BEARER, EXAMPLE_TOKEN)
                .willRespondWith().status(404)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "aCustomer")
    void aCustomerIsVerified(MockServer mileage) {
        assertThat(customersAt(mileage).check("minji")).isEqualTo(CustomerCheck.VERIFIED);
    }

    @Test
    @PactTestFor(pactMethod = "notACustomer")
    void noCustomerIsAnAnswer(MockServer mileage) {
        assertThatThrownBy(() -> customersAt(mileage).check("jun")).isInstanceOfSatisfying(ReservationException.class,
                e -> assertThat(e.code()).isEqualTo("customer-not-found"));
    }

    private static MileageServiceCustomers customersAt(MockServer mileage) {
        MileageServiceCustomers customers = new MileageServiceCustomers();
        customers.mileage = RestClientBuilder.newBuilder().baseUri(URI.create(mileage.getUrl())).build(MileageClient.class);
        customers.caller = new Caller() {
            @Override
            public String authorization() {
                return EXAMPLE_TOKEN;
            }
        };
        return customers;
    }
}
