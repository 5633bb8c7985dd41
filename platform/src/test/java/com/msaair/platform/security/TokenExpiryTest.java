package com.msaair.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.testing.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenExpiryTest {

    private static final Instant EXP = Instant.parse("2026-12-06T12:00:00Z");

    private static TokenExpiry expiry(SteppingClock clock, String skew) {
        TokenExpiry expiry = new TokenExpiry();
        expiry.clock = clock;
        expiry.oidc = new OidcSettings();
        expiry.oidc.clockSkew = skew;
        expiry.init();
        return expiry;
    }

    @Test
    void aTokenIsTakenUntilItsExpiryPlusTheSkewAndNotAMillisecondLonger() {
        SteppingClock clock = new SteppingClock(EXP.minusSeconds(60));
        TokenExpiry expiry = expiry(clock, "5s");

        assertThat(expiry.passed(EXP)).as("a minute before").isFalse();
        clock.advance(Duration.ofSeconds(65));
        assertThat(expiry.passed(EXP)).as("at exp + skew, as Liberty's verifier takes it").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(expiry.passed(EXP)).as("just past exp + skew").isTrue();
    }

    @Test
    void theSkewIsReadAsLibertyReadsTheSameSetting() {
        assertThat(OidcSettings.skew("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(OidcSettings.skew(" 500ms ")).isEqualTo(Duration.ofMillis(500));
        assertThat(OidcSettings.skew("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(OidcSettings.skew("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(OidcSettings.skew("5S")).isEqualTo(Duration.ofSeconds(5));
        assertThat(OidcSettings.skew("0s")).isEqualTo(Duration.ZERO);
        assertThat(OidcSettings.skew("2000")).as("a bare number is milliseconds").isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aSkewThatIsNoDurationStopsTheStartNamingTheSetting() {
        for (String bad : new String[] {"", "  ", "five seconds", "5 s", "-5s", "5x", "s5", "5s30", "1.5s", "PT5S"}) {
            assertThatThrownBy(() -> OidcSettings.skew(bad)).as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oidc.clock.skew");
        }
        assertThatThrownBy(() -> OidcSettings.skew(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
