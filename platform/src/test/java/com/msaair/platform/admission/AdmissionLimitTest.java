package com.msaair.platform.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.platform.admission.OverloadedException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With real threads: waits are bounded by deadlines, and no assertion rests on a sleep. */
class AdmissionLimitTest {

    private static final Duration LONG = Duration.ofMinutes(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static AdmissionLimit limit(int concurrency, int queue, Duration maxWait) {
        return new AdmissionLimit("booking", new AdmissionLimits(concurrency, queue, maxWait, Duration.ofSeconds(2)));
    }

    @Test
    void neverMoreThanTheConcurrencyRunAtOnceAndEveryRequestThatMayWaitIsServed() throws Exception {
        AdmissionLimit limit = limit(3, 100, LONG);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            clients.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < 200; i++) {
                    try (AdmissionLimit.Permit permit = limit.enter()) {
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.onSpinWait();
                        inside.decrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> client : clients) {
            client.get(1, TimeUnit.MINUTES); // none refused: 12 clients never fill a queue of 100, nor wait a minute
        }
        assertThat(mostInside.get()).isBetween(1, 3);
        assertThat(limit.inFlight()).isZero();
        assertThat(limit.waiting()).isZero();
    }

    @Test
    void aRequestFindingTheQueueFullIsRefusedAtOnceWithoutWaiting() throws Exception {
        AdmissionLimit limit = limit(2, 2, LONG);
        AdmissionLimit.Permit first = limit.enter();
        AdmissionLimit.Permit second = limit.enter();
        Future<AdmissionLimit.Permit> third = threads.submit(limit::enter);
        Future<AdmissionLimit.Permit> fourth = threads.submit(limit::enter);
        await(() -> limit.waiting() == 2);

        long asked = System.nanoTime();
        assertThatThrownBy(limit::enter).isInstanceOfSatisfying(OverloadedException.class, refused -> {
            assertThat(refused.reason()).isEqualTo(Reason.QUEUE_FULL);
            assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));
            assertThat(refused.limit()).isEqualTo("booking");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("refused without waiting its minute").isLessThan(Duration.ofSeconds(30));
        assertThat(limit.waiting()).as("the refused request left no place taken").isEqualTo(2);

        first.close();
        second.close();
        third.get(1, TimeUnit.MINUTES).close();
        fourth.get(1, TimeUnit.MINUTES).close();
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void aWaitingRequestIsRefusedWhenItsWaitRunsOutAndLeavesTheQueue() {
        Duration maxWait = Duration.ofMillis(150);
        AdmissionLimit limit = limit(1, 5, maxWait);
        AdmissionLimit.Permit running = limit.enter();

        long asked = System.nanoTime();
        assertThatThrownBy(limit::enter).isInstanceOfSatisfying(OverloadedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.WAITED_TOO_LONG));
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("it waited its full turn").isGreaterThanOrEqualTo(maxWait);
        assertThat(limit.waiting()).isZero();
        assertThat(limit.inFlight()).isEqualTo(1);
        running.close();
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void aPermitGivenBackGoesToTheRequestThatHasWaitedLongest() throws Exception {
        AdmissionLimit limit = limit(1, 5, LONG);
        AdmissionLimit.Permit running = limit.enter();
        CompletableFuture<AdmissionLimit.Permit> earlier = CompletableFuture.supplyAsync(limit::enter, threads);
        await(() -> limit.waiting() == 1);
        CompletableFuture<AdmissionLimit.Permit> later = CompletableFuture.supplyAsync(limit::enter, threads);
        await(() -> limit.waiting() == 2);

        running.close();
        AdmissionLimit.Permit next = earlier.get(1, TimeUnit.MINUTES);
        assertThat(next.waitedNanos()).isPositive();
        assertThat(later).as("the later one still waits").isNotDone();
        assertThat(limit.waiting()).isEqualTo(1);

        next.close();
        later.get(1, TimeUnit.MINUTES).close();
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void closingAPermitTwiceGivesBackOnePermit() {
        AdmissionLimit limit = limit(1, 0, Duration.ZERO);
        AdmissionLimit.Permit permit = limit.enter();
        permit.close();
        permit.close();
        AdmissionLimit.Permit again = limit.enter();
        assertThatThrownBy(limit::enter).isInstanceOfSatisfying(OverloadedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.QUEUE_FULL));
        again.close();
    }

    @Test
    void anInterruptedWaiterIsRefusedAndKeepsItsInterruptStatus() throws Exception {
        AdmissionLimit limit = limit(1, 5, LONG);
        AdmissionLimit.Permit running = limit.enter();
        CompletableFuture<Boolean> interruptedAfterwards = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                limit.enter().close();
                interruptedAfterwards.completeExceptionally(new AssertionError("admitted"));
            } catch (OverloadedException e) {
                interruptedAfterwards.complete(e.reason() == Reason.WAITED_TOO_LONG && Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        await(() -> limit.waiting() == 1);
        waiter.interrupt();
        assertThat(interruptedAfterwards.get(1, TimeUnit.MINUTES)).isTrue();
        assertThat(limit.waiting()).isZero();
        running.close();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.onSpinWait();
        }
    }
}
