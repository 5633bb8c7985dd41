package com.msaair.reservation.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.reservation.domain.RefundRule;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How long a hold lasts, until when it may be charged, and the fare rule, from configuration. */
class BookingTermsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private static BookingTerms terms(long holdSeconds, long captureMarginSeconds) {
        BookingTerms terms = new BookingTerms();
        terms.holdSeconds = holdSeconds;
        terms.captureMarginSeconds = captureMarginSeconds;
        terms.refundBeforeDeparture = 90;
        terms.refundAfterDeparture = 5;
        return terms;
    }

    @Test
    void theLastChargeIsTheMarginBeforeTheHoldRunsOut() {
        BookingTerms terms = terms(900, 60);
        assertThat(terms.holdExpiresAt(NOW)).isEqualTo(NOW.plusSeconds(900));
        assertThat(terms.captureBefore(terms.holdExpiresAt(NOW))).isEqualTo(NOW.plusSeconds(840));
    }

    @Test
    void aHoldShorterThanTwoMarginsMayBeChargedForItsFirstHalf() {
        BookingTerms terms = terms(60, 60);
        assertThat(terms.captureBefore(terms.holdExpiresAt(NOW))).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void theFareRuleIsTheConfiguredOne() {
        assertThat(terms(900, 60).refundRule()).isEqualTo(new RefundRule(90, 5));
    }
}
