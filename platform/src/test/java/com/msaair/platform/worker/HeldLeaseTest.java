package com.msaair.platform.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.platform.lease.Leases;
import com.msaair.platform.testing.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A worker's hold on its lease: renewed at half term, and held only with enough of it left for the next unit of work. */
class HeldLeaseTest {

    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");
    private static final Duration TERM = Duration.ofSeconds(30);
    private static final Duration UNIT = Duration.ofSeconds(5);

    private final SteppingClock clock = new SteppingClock(START);
    private final List<Instant> asked = new ArrayList<>();
    private boolean granted = true;
    private RuntimeException failure;
    private final HeldLease lease = new HeldLease(new Leases() {
        @Override
        public boolean hold(String name, Instant now, Instant until) {
            asked.add(now);
            if (failure != null) {
                throw failure;
            }
            return granted;
        }
    }, "relay", TERM, clock);

    @Test
    void theDatabaseIsAskedOnlyOnceHalfTheTermHasRun() {
        assertThat(lease.holdFor(UNIT)).isTrue();
        assertThat(lease.expiresAt()).isEqualTo(START.plus(TERM));
        clock.advance(Duration.ofSeconds(14));
        assertThat(lease.holdFor(UNIT)).isTrue();
        assertThat(asked).as("held, and more than half of it left").containsExactly(START);

        clock.advance(Duration.ofSeconds(1));
        assertThat(lease.holdFor(UNIT)).isTrue();
        assertThat(asked).hasSize(2);
        assertThat(lease.expiresAt()).isEqualTo(START.plusSeconds(15).plus(TERM));
    }

    @Test
    void aUnitLongerThanWhatIsLeftRenewsFirstAndIsRefusedWhenTheRenewalFails() {
        lease.holdFor(UNIT);
        clock.advance(Duration.ofSeconds(10));
        assertThat(lease.holdFor(Duration.ofSeconds(25))).as("20 s left is too little: renewed, then 30 s").isTrue();
        assertThat(asked).hasSize(2);

        granted = false;
        clock.advance(Duration.ofSeconds(20));
        assertThat(lease.holdFor(Duration.ofSeconds(25))).as("another replica holds it now").isFalse();
        assertThat(lease.expiresAt()).as("not held: in the past").isBefore(clock.instant());
    }

    @Test
    void aDatabaseThatCannotBeAskedMeansNotHeld() {
        failure = new IllegalStateException("connection refused");
        assertThat(lease.holdFor(UNIT)).isFalse();

        failure = null;
        assertThat(lease.holdFor(UNIT)).as("asked again at once, not after a half term").isTrue();
    }
}
