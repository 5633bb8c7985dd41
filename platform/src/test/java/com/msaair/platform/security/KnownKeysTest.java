package com.msaair.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.platform.testing.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KnownKeysTest {

    private final SteppingClock clock = new SteppingClock(Instant.parse("2027-03-01T09:00:00Z"));
    private final AtomicInteger asked = new AtomicInteger();
    private final Deque<Optional<Set<String>>> answers = new ArrayDeque<>();
    private final KnownKeys keys = new KnownKeys(() -> {
        asked.incrementAndGet();
        return answers.isEmpty() ? Optional.of(Set.of("a")) : answers.pop();
    }, clock, Duration.ofSeconds(5));

    @Test
    void unknownKeysCostTheProviderOneRequestPerIntervalHoweverManyArrive() {
        assertThat(keys.contains("a")).isTrue();
        assertThat(asked).hasValue(1);

        for (int i = 0; i < 1000; i++) {
            assertThat(keys.contains("made-up-" + i)).isFalse();
        }
        assertThat(asked).as("the first ask was a moment ago").hasValue(1);

        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 1000; i++) {
            keys.contains("made-up-" + i);
        }
        assertThat(asked).hasValue(2);
        assertThat(keys.contains("a")).as("a known key never asks").isTrue();
        assertThat(asked).hasValue(2);
    }

    @Test
    void aRotatedKeyIsFoundAtTheNextAskAndARetiredOneIsForgotten() {
        assertThat(keys.contains("a")).isTrue();
        answers.push(Optional.of(Set.of("b")));

        assertThat(keys.contains("b")).as("asked again within the interval: not yet").isFalse();
        clock.advance(Duration.ofSeconds(6));
        assertThat(keys.contains("b")).isTrue();
        assertThat(keys.contains("a")).as("no longer published").isFalse();
    }

    @Test
    void aFailedAskKeepsTheKeysKnownAndIsNotRepeatedWithinTheInterval() {
        assertThat(keys.contains("a")).isTrue();
        clock.advance(Duration.ofSeconds(10));
        answers.push(Optional.empty());

        assertThat(keys.contains("b")).isFalse();
        assertThat(keys.contains("b")).isFalse();
        assertThat(asked).hasValue(2);
        assertThat(keys.contains("a")).as("the provider is down; its keys are still its keys").isTrue();
    }
}
