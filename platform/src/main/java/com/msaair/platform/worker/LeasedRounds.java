package com.msaair.platform.worker;

import com.msaair.platform.lease.Leases;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A background job done in rounds, every {@code period}, by the one replica holding the job's lease
 * (charging held bookings, giving back expired holds). A round is handed a check to call before each
 * unit of work: it says whether this replica still holds the lease with a unit's time left, so a
 * slow round stops rather than run on beside the replica that took the lease over. A failed round is
 * logged and the next one comes a period later.
 */
public final class LeasedRounds {

    /** One round; {@code mayGoOn} is asked before each unit of work. */
    @FunctionalInterface
    public interface Round {
        void run(BooleanSupplier mayGoOn);
    }

    private final HeldLease lease;
    private final Duration perUnit;
    private final Round round;
    private final Logger log;
    private final String name;
    private ScheduledFuture<?> poller;

    private LeasedRounds(HeldLease lease, String name, Duration perUnit, Round round, Logger log) {
        this.lease = lease;
        this.name = name;
        this.perUnit = perUnit;
        this.round = round;
        this.log = log;
    }

    /**
     * Starts the rounds of job {@code name}.
     *
     * @param perUnit the longest one unit of work may take: a unit begins only with this much of the lease left
     */
    public static LeasedRounds start(ManagedScheduledExecutorService executor, Leases leases, Clock clock, String name, Duration leaseTerm,
            Duration period, Duration perUnit, Round round, Logger log) {
        LeasedRounds rounds = new LeasedRounds(new HeldLease(leases, name, leaseTerm, clock), name, perUnit, round, log);
        rounds.poller = executor.scheduleWithFixedDelay(rounds::runRound, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return rounds;
    }

    public void stop() {
        if (poller != null) {
            poller.cancel(false);
        }
    }

    void runRound() {
        try {
            if (lease.holdFor(perUnit)) {
                round.run(() -> lease.holdFor(perUnit));
            }
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "A round of " + name + " failed; the next one follows", e);
        }
    }
}
