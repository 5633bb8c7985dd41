package com.msaair.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SupportedTimeTest {

    @Test
    void tenCenturiesUtcBothEndsIncluded() {
        assertThat(SupportedTime.contains(Instant.parse("2000-01-01T00:00:00Z"))).isTrue();
        assertThat(SupportedTime.contains(Instant.parse("2999-12-31T23:59:59.999999999Z"))).isTrue();
        assertThat(SupportedTime.contains(Instant.parse("1999-12-31T23:59:59.999999999Z"))).isFalse();
        assertThat(SupportedTime.contains(Instant.parse("3000-01-01T00:00:00Z"))).isFalse();
        assertThat(SupportedTime.contains(LocalDate.of(2000, 1, 1))).isTrue();
        assertThat(SupportedTime.contains(LocalDate.of(2999, 12, 31))).isTrue();
        assertThat(SupportedTime.contains(LocalDate.of(3000, 1, 1))).isFalse();
        assertThat(SupportedTime.contains(LocalDate.of(1999, 12, 31))).isFalse();
    }
}
