package com.msaair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import com.msaair.localstack.Identities;
import com.msaair.localstack.KeycloakServer;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.Metrics;
import com.msaair.systemtest.support.SystemStack;
import com.msaair.systemtest.support.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services and their identity provider: expiry, Keycloak going away and coming back, tokens naming
 * keys nobody publishes, and what refused tokens cost (a count, not a log line each).
 */
@Order(9)
@ExtendWith(SystemStack.class)
class IdentityIT {

    /** The clock skew the servers allow (base.xml, oidc.clock.skew). */
    private static final Duration SKEW = Duration.ofSeconds(5);

    /**
     * Two 10-second tokens taken together, so that one wait for expiry serves both (each wait is the
     * token's life plus the skew): the first is timed, the second has its expiry moved.
     *
     * <p>The first is taken until it expires and refused within seconds after, even though it was taken
     * before: it is polled, and nothing else, from before its expiry until the first refusal.
     *
     * <p>The second: with Liberty's authentication cache on, the services read a token's exp before it is
     * verified (BearerAuthentication). That is safe because the cache knows a token by its whole text: the
     * same token with a later exp is another text, verified in full, and its signature no longer fits —
     * refused while the genuine token is valid and after it expired.
     */
    @Test
    void aTokenIsTakenUntilItExpiresAndRefusedWithinSecondsAfterAndWithItsExpiryMovedIsRefusedBeforeAndAfter() {
        URI protectedResource = Api.url(Service.RESERVATION, "/api/reservations?customerId=c-1");
        String token = Tokens.shortLived();
        String kept = Tokens.shortLived();
        Instant expires = expiryOf(token);
        Instant keptExpires = expiryOf(kept);

        // The first token, while valid.
        assertThat(Http.get(protectedResource, token).status()).as("accepted while valid").isEqualTo(200);
        assertThat(Http.get(protectedResource, token).status()).as("and again (an authentication cache would keep it)").isEqualTo(200);
        // The second, while valid: the genuine token taken and kept, and its exp moved an hour on.
        assertThat(Http.get(protectedResource, kept).status()).as("the genuine token, taken and kept").isEqualTo(200);
        String extended = Tokens.withExpiry(kept, keptExpires.plus(Duration.ofHours(1)));
        assertThat(Http.get(protectedResource, extended).status()).as("its exp moved an hour on, while it is valid").isEqualTo(401);

        // The one wait: the first token polled from before its expiry until it is refused, timed.
        Eventually.await("the expired token refused", Duration.ofSeconds(60), () -> Http.get(protectedResource, token).status(), s -> s == 401);
        Instant refused = Instant.now();
        System.out.println("IdentityIT: token expired at " + expires + ", refused at " + refused + " ("
                + Duration.between(expires, refused).toMillis() + " ms after; allowed skew " + SKEW.toSeconds() + " s)");
        assertAll(
                () -> assertThat(refused).as("refused within the skew of its expiry (plus the poll's second)").isBefore(expires.plus(SKEW).plusSeconds(3)),
                () -> {
                    Eventually.await("the genuine token refused", Duration.ofSeconds(60), () -> Http.get(protectedResource, kept).status(), s -> s == 401);
                    Http.Reply reply = Http.get(protectedResource, extended);
                    assertThat(reply.status()).as("its exp moved an hour on, after it expired").isEqualTo(401);
                    assertThat(reply.contentType()).startsWith("application/problem+json");
                });
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

            // Tokens naming keys nobody publishes: refused without the verifier fetching the provider's keys
            // for each (it would have, and each fetch of a provider that is down logs CWWKS6049E).
            List<String> logBefore = log(Service.RESERVATION);
            for (int i = 0; i < 50; i++) {
                assertThat(Http.get(own, Tokens.unknownKey(used)).status()).isEqualTo(401);
            }
            assertThat(Http.get(own, used).status()).as("meanwhile the right token is taken").isEqualTo(200);
            assertThat(since(logBefore, log(Service.RESERVATION))).as("reservation's messages.log").noneMatch(line -> line.contains("CWWKS6049E"));
        } finally {
            keycloak.start(Duration.ofMinutes(3));
        }
        String afterRestart = "Bearer " + SystemStack.identities().freshToken("sora", "dev-only-sora", "msaair-cli");
        assertThat(Identities.subjectOf(afterRestart)).as("the same realm, the same people").isEqualTo(Identities.subjectOf(neverShown));
        assertThat(Http.get(Api.url(Service.SCHEDULE, "/api/schedules"), afterRestart).status()).isEqualTo(200);
        assertThat(Api.registerFlight(10, 100).getString("status")).as("a manager's work goes on").isEqualTo("SCHEDULED");
    }

    /**
     * A refused token is counted, not logged: anyone can send them, as many as they like. Liberty's two
     * error lines per token are hidden; the service writes at most one line a minute per reason.
     */
    @Test
    void refusedTokensAreCountedAndWrittenToTheLogAtMostOnceAMinutePerReason() {
        String used = Api.manager();
        URI publicResource = Api.url(Service.SCHEDULE, "/api/schedules?page=0&size=1");
        URI protectedResource = Api.url(Service.SCHEDULE, "/api/outbox/refused");
        Map<String, Double> before = new TreeMap<>();
        for (String reason : List.of("invalid", "unknown-key", "not-bearer", "malformed")) {
            before.put(reason, Metrics.application(Service.SCHEDULE, "msaair_tokens_refused_total", "reason=\"" + reason + "\""));
        }
        List<String> logBefore = log(Service.SCHEDULE);

        for (int i = 0; i < 100; i++) {
            URI resource = i % 2 == 0 ? publicResource : protectedResource;
            for (String refused : List.of(Tokens.tampered(used), Tokens.unknownKey(used), Tokens.bare(used), "Bearer not-a-jwt-" + i)) {
                Http.Reply reply = Http.get(resource, refused);
                assertThat(reply.status()).as(refused).isEqualTo(401);
                assertThat(reply.contentType()).startsWith("application/problem+json");
                assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
            }
        }

        for (String reason : before.keySet()) {
            assertThat(Metrics.application(Service.SCHEDULE, "msaair_tokens_refused_total", "reason=\"" + reason + "\"") - before.get(reason))
                    .as("refusals counted as " + reason).isGreaterThanOrEqualTo(100);
        }
        List<String> written = since(logBefore, log(Service.SCHEDULE));
        assertThat(written).as("Liberty's lines per refused token").noneMatch(line -> line.contains("CWWKS5523E") || line.contains("CWWKS5524E"));
        assertThat(written).filteredOn(line -> line.contains("bearer token(s)")).as("400 refusals, 4 reasons").hasSizeLessThanOrEqualTo(4);
    }

    private static List<String> log(Service service) {
        try {
            return Files.readAllLines(SystemStack.server(service).messagesLog());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of {@code after} past {@code before} (messages.log only grows while the server runs). */
    private static List<String> since(List<String> before, List<String> after) {
        return after.size() < before.size() ? after : after.subList(before.size(), after.size());
    }

    private static Instant expiryOf(String bearer) {
        String payload = new String(Base64.getUrlDecoder().decode(bearer.replaceFirst("^Bearer ", "").split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher exp = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)").matcher(payload);
        assertThat(exp.find()).isTrue();
        return Instant.ofEpochSecond(Long.parseLong(exp.group(1)));
    }
}
