package com.msaair.platform.worker;

import com.msaair.platform.lease.Leases;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A background job done in rounds by the one replica holding the job's lease (charging held bookings,
 * giving back expired holds, delivering mail): every {@code period} while rounds find work, less often
 * while they find none ({@link Poller}). A round is handed a check to call before each unit of work: it
 * says whether this replica still holds the lease with a unit's time left, so a slow round stops rather
 * than run on beside the replica that took the lease over. A failed round is logged and the next one
 * comes a period later.
 *
 * <p>The one idiom of a leased worker: inject it, name the job when the application starts and start
 * it; it stops with the bean it was injected into.
 *
 * <pre>
 * &#64;Inject LeasedRounds rounds;
 *
 * void start(&#64;Observes &#64;Initialized(ApplicationScoped.class) Object applicationStarted) {
 *     rounds.job(LEASE, LEASE_TERM, PER_UNIT, this::round, LOG).start(settings.pollInterval());
 * }
 * </pre>
 */
@Dependent
public class LeasedRounds {

    /** One round; {@code mayGoOn} is asked before each unit of work. It answers whether there was any work. */
    @FunctionalInterface
    public interface Round {
        boolean run(BooleanSupplier mayGoOn);
    }

    private final Leases leases;
    private final Clock clock;

    @Resource
    ManagedScheduledExecutorService executor;

    private HeldLease lease;
    private Duration perUnit;
    private Round round;
    private Logger log;
    private String name;
    private Poller poller;

    /** Also for unit tests, which run rounds by hand ({@link #runRound}). */
    @Inject
    public LeasedRounds(Leases leases, Clock clock) {
        this.leases = leases;
        this.clock = clock;
    }

    /**
     * The rounds of job {@code name}, not started yet.
     *
     * @param perUnit the longest one unit of work may take: a unit begins only with this much of the lease left
     */
    public LeasedRounds job(String name, Duration leaseTerm, Duration perUnit, Round round, Logger log) {
        this.lease = new HeldLease(leases, name, leaseTerm, clock);
        this.name = name;
        this.perUnit = perUnit;
        this.round = round;
        this.log = log;
        return this;
    }

    /** Runs rounds every {@code period} while they find work, less often while not, the first a period from now, until the owner goes. */
    public void start(Duration period) {
        poller = new Poller(executor, period, this::runRound);
        poller.start();
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.stop();
        }
    }

    /**
     * One round now, as the schedule runs it: only while this replica holds the lease, and never
     * throwing. Answers whether it found work; a failed round counts as having found some, so the next
     * comes a period later.
     */
    public boolean runRound() {
        try {
            return lease.holdFor(perUnit) && round.run(() -> lease.holdFor(perUnit));
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "A round of " + name + " failed; the next one follows", e);
            return true;
        }
    }

    /** When this replica's lease ends, as far as it knows; the past when it does not hold it. */
    public Instant leaseEndsAt() {
        return lease.expiresAt();
    }
}
