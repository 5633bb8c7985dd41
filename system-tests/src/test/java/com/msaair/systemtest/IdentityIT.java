package com.msaair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Identities;
import com.msaair.localstack.KeycloakServer;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.SystemStack;
import com.msaair.systemtest.support.Tokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The services and their identity provider: expiry, and Keycloak going away and coming back. */
@Order(9)
@ExtendWith(SystemStack.class)
class IdentityIT {

    /** The clock skew the servers allow (base.xml, oidc.clock.skew). */
    private static final Duration SKEW = Duration.ofSeconds(5);

    @Test
    void aTokenIsTakenUntilItExpiresAndRefusedWithinSecondsAfterEvenIfItWasTakenBefore() {
        String token = Tokens.shortLived();
        Instant expires = expiryOf(token);
        URI protectedResource = Api.url(Service.RESERVATION, "/api/reservations?customerId=c-1");
        assertThat(Http.get(protectedResource, token).status()).as("accepted while valid").isEqualTo(200);
        assertThat(Http.get(protectedResource, token).status()).as("and again (an authentication cache would keep it)").isEqualTo(200);

        Eventually.await("the expired token refused", Duration.ofSeconds(60), () -> Http.get(protectedResource, token).status(), s -> s == 401);
        Instant refused = Instant.now();
        System.out.println("IdentityIT: token expired at " + expires + ", refused at " + refused + " ("
                + Duration.between(expires, refused).toMillis() + " ms after; allowed skew " + SKEW.toSeconds() + " s)");
        assertThat(refused).as("refused within the skew of its expiry (plus the poll's second)").isBefore(expires.plus(SKEW).plusSeconds(3));
    }

    @Test
    void keycloakDownTokensAlreadyIssuedKeepWorkingAndAfterItsRestartNewOnesToo() {
        KeycloakServer keycloak = SystemStack.stack().keycloak();
        String customer = Api.newCustomer();
        String used = Api.as(customer);
        String neverShown = "Bearer " + SystemStack.identities().freshToken("sora", "dev-only-sora", "msaair-cli");
        URI own = Api.url(Service.RESERVATION, "/api/reservations");
        assertThat(Http.get(own, used).status()).isEqualTo(200);

        keycloak.stop();
        try {
            assertThat(Http.get(own, used).status()).as("a token seen before").isEqualTo(200);
            assertThat(Http.get(Api.url(Service.RESERVATION, "/api/reservations?customerId=" + customer), neverShown).status())
                    .as("a token no service has seen, checked with the keys the services keep").isEqualTo(200);
            assertThat(Http.get(Api.url(Service.MILEAGE, "/api/customers/" + customer), neverShown).status()).isEqualTo(200);
            assertThat(Http.get(own, Tokens.tampered(used)).status()).as("and a forged one is still refused").isEqualTo(401);
        } finally {
            keycloak.start(Duration.ofMinutes(3));
        }
        String afterRestart = "Bearer " + SystemStack.identities().freshToken("sora", "dev-only-sora", "msaair-cli");
        assertThat(Identities.subjectOf(afterRestart)).as("the same realm, the same people").isEqualTo(Identities.subjectOf(neverShown));
        assertThat(Http.get(Api.url(Service.SCHEDULE, "/api/schedules"), afterRestart).status()).isEqualTo(200);
        assertThat(Api.registerFlight(10, 100).getString("status")).as("a manager's work goes on").isEqualTo("SCHEDULED");
    }

    private static Instant expiryOf(String bearer) {
        String payload = new String(Base64.getUrlDecoder().decode(bearer.replaceFirst("^Bearer ", "").split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher exp = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)").matcher(payload);
        assertThat(exp.find()).isTrue();
        return Instant.ofEpochSecond(Long.parseLong(exp.group(1)));
    }
}
