package com.msaair.platform.admission;

import com.msaair.platform.admission.OverloadedException.Reason;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One limit's permits: {@link AdmissionLimits#concurrency()} of them, handed out in arrival order;
 * a request finding none waits for one at most {@link AdmissionLimits#maxWait()}, and only if fewer
 * than {@link AdmissionLimits#queue()} are waiting already. A refused request held nothing, so it
 * cost only the refusal; an admitted one holds its permit until it closes it.
 */
public final class AdmissionLimit {

    private final String name;
    private final AdmissionLimits limits;
    /** Fair: a permit freed goes to the request that has waited longest, so no waiter is overtaken until it gives up. */
    private final Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();

    public AdmissionLimit(String name, AdmissionLimits limits) {
        this.name = name;
        this.limits = limits;
        this.permits = new Semaphore(limits.concurrency(), true);
    }

    /** An admitted request's permit; closing it (once, or again to no effect) lets the next one in. */
    public final class Permit implements AutoCloseable {
        private final long waitedNanos;
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Permit(long waitedNanos) {
            this.waitedNanos = waitedNanos;
        }

        /** How long the request waited for its turn. */
        public long waitedNanos() {
            return waitedNanos;
        }

        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                permits.release();
            }
        }
    }

    /**
     * Admits the calling request, waiting for its turn if it must and may.
     *
     * @throws OverloadedException when the queue is full, or the wait ran out (or was interrupted: the
     *                             thread's interrupt status is kept)
     */
    public Permit enter() {
        long arrived = System.nanoTime();
        // The timed form even when not waiting: unlike tryAcquire(), it respects the order of those already waiting.
        if (acquire(0)) {
            return new Permit(0);
        }
        if (waiting.incrementAndGet() > limits.queue()) {
            waiting.decrementAndGet();
            throw new OverloadedException(name, Reason.QUEUE_FULL, limits.retryAfter());
        }
        try {
            if (acquire(limits.maxWait().toNanos())) {
                return new Permit(System.nanoTime() - arrived);
            }
            throw new OverloadedException(name, Reason.WAITED_TOO_LONG, limits.retryAfter());
        } finally {
            waiting.decrementAndGet();
        }
    }

    private boolean acquire(long timeoutNanos) {
        try {
            return permits.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String name() {
        return name;
    }

    public AdmissionLimits limits() {
        return limits;
    }

    /** Requests running now. */
    public int inFlight() {
        return limits.concurrency() - permits.availablePermits();
    }

    /** Requests waiting for their turn now. */
    public int waiting() {
        return waiting.get();
    }
}
