package com.msaair.platform.worker;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Looks for work again and again on a scheduled executor: a period after a look that found some, and
 * after looks that found none twice as long each time, up to {@value #IDLE_PERIODS} periods. An idle
 * service's pollers (the outbox relay, the leased workers) are most of what it does all day, on every
 * replica; backing off quarters that (docs/architecture.md, "An idle stack"), and work that arrives
 * at a quiet time waits at most {@value #IDLE_PERIODS} periods — none where the commit that made it
 * also wakes the worker, as the relay's does.
 */
public final class Poller {

    /** How many periods an idle poller waits at most. */
    public static final int IDLE_PERIODS = 4;

    private final ScheduledExecutorService executor;
    private final Backoff cadence;
    private final BooleanSupplier look;
    private int idleLooks;
    private ScheduledFuture<?> next;
    private boolean stopped;

    /**
     * @param look one look for work, answering whether it found any; it must not throw
     */
    public Poller(ScheduledExecutorService executor, Duration period, BooleanSupplier look) {
        this.executor = executor;
        this.cadence = new Backoff(period, period.multipliedBy(IDLE_PERIODS));
        this.look = look;
    }

    /** The first look a period from now. */
    public synchronized void start() {
        schedule(cadence.first());
    }

    public synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    /** The wait before the next look: one period after work was found, else doubled with each idle look in a row. */
    synchronized Duration waitAfter(boolean foundWork) {
        idleLooks = foundWork ? 0 : idleLooks + 1;
        return cadence.after(idleLooks);
    }

    private void lookAndReschedule() {
        boolean found = look.getAsBoolean();
        synchronized (this) {
            schedule(waitAfter(found));
        }
    }

    private void schedule(Duration wait) {
        if (stopped) {
            return;
        }
        try {
            next = executor.schedule(this::lookAndReschedule, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            stopped = true; // the application is going away
        }
    }
}
