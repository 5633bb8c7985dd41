package com.msaair.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.platform.security.BearerTokens.Refusal;
import com.msaair.platform.security.TokenRefusals.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * What is refused before Liberty's verifier is asked — above all a token past its expiry, which the
 * verifier's authentication cache would answer for — and that the verifier decides the rest.
 */
class BearerTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Predicate<Instant> PASSED = exp -> NOW.isAfter(exp.plusSeconds(5));
    private static final Predicate<String> PUBLISHED = "key-1"::equals;

    /** Counts how often it was asked, and answers {@code accepts}. */
    private static final class Verifier implements BearerTokens.Verifier {
        final boolean accepts;
        int asked;

        Verifier(boolean accepts) {
            this.accepts = accepts;
        }

        @Override
        public boolean accepts() {
            asked++;
            return accepts;
        }
    }

    private static Optional<Refusal> judge(String authorization, Verifier verifier) throws IOException {
        return BearerTokens.judge(PresentedToken.read(authorization), PUBLISHED, PASSED, verifier);
    }

    private static String token(String kid, String claims) {
        return "Bearer " + part("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}") + "." + part(claims) + ".c2lnbmF0dXJl";
    }

    private static String expiringAt(Instant exp) {
        return token("key-1", "{\"sub\":\"minji\",\"exp\":" + exp.getEpochSecond() + "}");
    }

    @Test
    void aTokenPastItsExpiryAndTheSkewIsRefusedWithoutAskingTheVerifier() throws IOException {
        Verifier verifier = new Verifier(true); // a verifier answering from its cache would take it
        Optional<Refusal> refusal = judge(expiringAt(NOW.minusSeconds(6)), verifier);

        assertThat(refusal).map(Refusal::reason).contains(Reason.EXPIRED);
        assertThat(refusal.get().challenge()).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(verifier.asked).isZero();
    }

    @Test
    void withinTheSkewTheVerifierDecides() throws IOException {
        Verifier taking = new Verifier(true);
        assertThat(judge(expiringAt(NOW.minusSeconds(5)), taking)).isEmpty();
        assertThat(judge(expiringAt(NOW.plusSeconds(300)), taking)).isEmpty();
        assertThat(taking.asked).isEqualTo(2);

        Verifier refusing = new Verifier(false);
        assertThat(judge(expiringAt(NOW.plusSeconds(300)), refusing)).map(Refusal::reason).contains(Reason.INVALID);
        assertThat(refusing.asked).isEqualTo(1);
    }

    @Test
    void aTokenRefusedByTheVerifierAfterItRanOutIsToldItExpired() throws IOException {
        Instant exp = NOW.minusSeconds(4);
        Predicate<Instant> runsOutWhileVerified = new Predicate<>() {
            private int asked;

            @Override
            public boolean test(Instant expiresAt) {
                return asked++ > 0;
            }
        };
        Optional<Refusal> refusal = BearerTokens.judge(PresentedToken.read(expiringAt(exp)), PUBLISHED, runsOutWhileVerified, new Verifier(false));
        assertThat(refusal).map(Refusal::reason).contains(Reason.EXPIRED);
    }

    @Test
    void aTokenWithoutAnExpiryWeCanReadIsRefusedWithoutAskingTheVerifier() throws IOException {
        Verifier verifier = new Verifier(true);
        for (String claims : new String[] {"{\"sub\":\"minji\"}", "{\"exp\":\"soon\"}", "{\"exp\":1e400}",
                "{\"exp\":1,\"exp\":" + NOW.plusSeconds(300).getEpochSecond() + "}"}) {
            assertThat(judge(token("key-1", claims), verifier)).as(claims).map(Refusal::reason).contains(Reason.INVALID);
        }
        assertThat(verifier.asked).isZero();
    }

    @Test
    void whatIsNoBearerJwtOrNamesAnUnknownKeyIsRefusedBeforeItsExpiryIsLookedAt() throws IOException {
        Verifier verifier = new Verifier(true);
        assertThat(judge("Basic bWluamk6c2VjcmV0", verifier)).map(Refusal::reason).contains(Reason.NOT_BEARER);
        assertThat(judge("Basic bWluamk6c2VjcmV0", verifier).get().challenge()).isEqualTo("Bearer");
        assertThat(judge("Bearer not-a-jwt", verifier)).map(Refusal::reason).contains(Reason.MALFORMED);
        assertThat(judge(token("made-up", "{\"exp\":" + NOW.minusSeconds(60).getEpochSecond() + "}"), verifier))
                .map(Refusal::reason).contains(Reason.UNKNOWN_KEY);
        assertThat(verifier.asked).isZero();
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
