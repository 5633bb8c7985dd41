package com.msaair.platform.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A poller looks every period while it finds work and backs off to four periods while it finds none. */
class PollerTest {

    /** Records each look's delay and runs it only when the test says so. */
    private static final class StepByStep extends ScheduledThreadPoolExecutor {
        final List<Long> delays = new ArrayList<>();
        Runnable pending;

        StepByStep() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable look, long delay, TimeUnit unit) {
            delays.add(unit.toMillis(delay));
            pending = look;
            return super.schedule(() -> {}, 1, TimeUnit.DAYS);
        }

        void runNext() {
            Runnable look = pending;
            pending = null;
            look.run();
        }
    }

    private final StepByStep executor = new StepByStep();
    private final Deque<Boolean> found = new ArrayDeque<>();
    private final Poller poller = new Poller(executor, Duration.ofMillis(500), () -> found.removeFirst());

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    @Test
    void idleLooksComeTwiceAsLateEachTimeUpToFourPeriodsAndWorkBringsThemBack() {
        poller.start();
        found.addAll(List.of(false, false, false, false, true, true, false));
        for (int look = 0; look < 7; look++) {
            executor.runNext();
        }

        assertThat(executor.delays).containsExactly(500L, 500L, 1_000L, 2_000L, 2_000L, 500L, 500L, 500L);
    }

    @Test
    void aStoppedPollerLooksNoMore() {
        poller.start();
        found.add(true);
        poller.stop();
        executor.runNext();

        assertThat(executor.delays).as("only the first look was ever scheduled").containsExactly(500L);
        assertThat(executor.pending).isNull();
    }
}
