package com.msaair.platform.worker;

import com.msaair.platform.lease.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A background worker's hold on a named lease, so that of the replicas sharing a database one does
 * the job at a time (relay the outbox, deliver mail). The lease is renewed in the database only once
 * half of it has run out, and a worker asks before each unit of work whether enough of it is left
 * for that unit: a worker that checked once per round and then went on past its lease published
 * alongside the replica that had taken it over (found by the rolling-update rehearsal).
 */
public final class HeldLease {

    private final Leases leases;
    private final String name;
    private final Duration term;
    private final Clock clock;
    private Instant renewAt = Instant.EPOCH;
    private Instant expiresAt = Instant.EPOCH;

    public HeldLease(Leases leases, String name, Duration term, Clock clock) {
        this.leases = leases;
        this.name = name;
        this.term = term;
        this.clock = clock;
    }

    /**
     * Whether this replica holds the lease with at least {@code needed} of it left, taking or renewing
     * it when due. A database that cannot be asked means "not held".
     */
    public synchronized boolean holdFor(Duration needed) {
        Instant now = clock.instant();
        if (!now.isBefore(renewAt) || now.plus(needed).isAfter(expiresAt)) {
            renew(now);
        }
        return !now.plus(needed).isAfter(expiresAt);
    }

    /** When the lease ends, as far as this replica knows; the past when it does not hold it. */
    public synchronized Instant expiresAt() {
        return expiresAt;
    }

    private void renew(Instant now) {
        try {
            if (leases.hold(name, now, now.plus(term))) {
                renewAt = now.plus(term.dividedBy(2));
                expiresAt = now.plus(term);
                return;
            }
        } catch (RuntimeException e) {
            // another replica took it at the same moment, or the database is away: not held
        }
        renewAt = Instant.EPOCH;
        expiresAt = Instant.EPOCH;
    }
}
