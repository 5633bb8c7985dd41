package com.msaair.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A bearer token kept until shortly before it expires, then fetched again: one request to the
 * identity provider per token lifetime, however many calls use it. When several callers need a new
 * token at once, one fetches it and the others take that one. A fetch that fails is not remembered
 * (the next caller tries again); while the token in hand is still valid for a few seconds, a failed
 * renewal keeps using it, so a short outage of the provider costs nothing.
 */
final class CachedToken {

    /** What the provider issued: the token and how long it is valid from the moment it was asked for. */
    record Issued(String value, Duration lifetime) {}

    private record Held(String value, Instant renewAt, Instant usableUntil) {}

    /** Renewed this long before it expires, at most half its lifetime: room for the clocks of the provider and the callee. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    /** An old token is not sent in its last seconds: the callee allows only a few seconds of clock skew. */
    static final Duration LAST_USE_BEFORE_EXPIRY = Duration.ofSeconds(5);

    private final Supplier<Issued> fetch;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Held held;

    /** @param fetch asks the provider for a token; throws {@link ServiceIdentityUnavailableException} when it cannot */
    CachedToken(Supplier<Issued> fetch, Clock clock) {
        this.fetch = fetch;
        this.clock = clock;
    }

    String get() {
        Held current = held;
        if (current != null && clock.instant().isBefore(current.renewAt())) {
            return current.value();
        }
        try {
            // Interruptible: the caller's own timeout (the charge's @Timeout) must be able to give up waiting.
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceIdentityUnavailableException("interrupted while another call fetched the token", e);
        }
        try {
            current = held;
            Instant asked = clock.instant();
            if (current != null && asked.isBefore(current.renewAt())) {
                return current.value(); // fetched by the caller this one waited for
            }
            try {
                Issued issued = fetch.get();
                Instant expires = asked.plus(issued.lifetime());
                Duration early = RENEW_BEFORE_EXPIRY.compareTo(issued.lifetime().dividedBy(2)) < 0 ? RENEW_BEFORE_EXPIRY : issued.lifetime().dividedBy(2);
                held = new Held(issued.value(), expires.minus(early), expires.minus(LAST_USE_BEFORE_EXPIRY));
                return issued.value();
            } catch (ServiceIdentityUnavailableException e) {
                if (current != null && asked.isBefore(current.usableUntil())) {
                    return current.value();
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }
}
