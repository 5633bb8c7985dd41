package com.msaair.platform.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theWaitDoublesWithEachFailureInARowUpToItsCeiling() {
        Backoff backoff = Backoff.of(500, 5_000);
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMillis(1_000));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofMillis(4_000));
        assertThat(backoff.after(5)).as("8 s is past the ceiling").isEqualTo(Duration.ofMillis(5_000));
        assertThat(backoff.after(0)).as("no failure yet waits like the first").isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aLongRunOfFailuresNeitherOverflowsNorPassesTheCeiling() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofDays(3650));
        assertThat(backoff.after(31)).isEqualTo(Duration.ofMillis(1L << 30));
        assertThat(backoff.after(Integer.MAX_VALUE)).as("doubled 30 times at most").isEqualTo(Duration.ofMillis(1L << 30));
        assertThat(Backoff.of(2_000, 60_000).after(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aBackoffWaitsAtAllAndItsCeilingIsNoShorterThanItsFirstWait() {
        assertThatThrownBy(() -> Backoff.of(0, 1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.of(-1, 1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.of(2_000, 1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Backoff.of(1_000, 1_000).after(10)).as("a fixed wait").isEqualTo(Duration.ofSeconds(1));
    }
}
