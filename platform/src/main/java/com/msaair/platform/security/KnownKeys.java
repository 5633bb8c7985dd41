package com.msaair.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The key ids an identity provider publishes, asked for again only when a token names one not seen yet
 * and the last ask is at least {@code minInterval} old: a new key (a rotation) is found within moments,
 * while tokens naming keys that do not exist, however many arrive, cost the provider one request per
 * interval. A failed ask keeps the ids known so far (the provider may be down; keys it published are
 * still its keys) and is not repeated before the interval either.
 */
final class KnownKeys {

    private final Supplier<Optional<Set<String>>> provider;
    private final Clock clock;
    private final Duration minInterval;

    private volatile Set<String> keyIds = Set.of();
    private Instant lastAsked; // guarded by this

    /** {@code provider} answers the key ids it publishes now, or nothing when it could not be asked. */
    KnownKeys(Supplier<Optional<Set<String>>> provider, Clock clock, Duration minInterval) {
        this.provider = provider;
        this.clock = clock;
        this.minInterval = minInterval;
    }

    boolean contains(String keyId) {
        if (keyIds.contains(keyId)) {
            return true;
        }
        askIfDue();
        return keyIds.contains(keyId);
    }

    /** One ask at a time; those arriving meanwhile wait for its answer instead of asking again. */
    private synchronized void askIfDue() {
        Instant now = clock.instant();
        if (lastAsked != null && now.isBefore(lastAsked.plus(minInterval))) {
            return;
        }
        lastAsked = now;
        provider.get().ifPresent(published -> keyIds = Set.copyOf(published));
    }
}
