package com.msaair.systemtest.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.SystemStack;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Schedule keeps the pact its consumer reservation wrote ({@code reservation-schedule.json}, from
 * {@code ScheduleClientPactTest}): every interaction replayed against the real schedule server, the
 * provider states set up through schedule's own API as the manager. {@link ProviderPactTargets} can
 * point it elsewhere (the test of this test does).
 */
@Order(1)
@ExtendWith(SystemStack.class)
@Provider("schedule")
@PactFolder("target/pacts")
class ScheduleProviderPactIT {

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(HttpTestTarget.fromUrl(ProviderPactTargets.of(Service.SCHEDULE)));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void keepsReservationsPact(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @State("a scheduled flight")
    Map<String, Object> aScheduledFlight() {
        return Map.of("scheduleId", Api.id(Api.registerFlight(180, 276)));
    }

    @State("a cancelled flight")
    Map<String, Object> aCancelledFlight() {
        long scheduleId = Api.id(Api.registerFlight(180, 276));
        assertThat(Api.cancelFlight(scheduleId).status()).isEqualTo(200);
        return Map.of("scheduleId", scheduleId);
    }

    @State("no flight 987654321")
    void noSuchFlight() {
        // Ids come from a sequence that this stack never takes this far; said, not assumed.
        assertThat(Http.get(Api.url(Service.SCHEDULE, "/api/schedules/987654321")).status()).isEqualTo(404);
    }
}
