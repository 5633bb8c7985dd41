package com.msaair.reservation.adapter.in.grpc;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The verdicts {@link GrpcCallers} reached on the servlet thread, waiting for their calls to start on
 * gRPC's; each is taken once. A call that never starts (cancelled at once, refused before any
 * interceptor) leaves its verdict behind: those are swept after a minute.
 */
@ApplicationScoped
public class GrpcCallerHandover {

    /**
     * Who calls: a verified token, nobody (no token), or a refused token. {@code context} runs work in the
     * thread context of the servlet request the call came in on: its caller, the application's components.
     */
    record Verdict(Optional<JsonWebToken> token, String refusal, Executor context, long madeAtNanos) {

        static Verdict caller(JsonWebToken token, Executor context) {
            return new Verdict(Optional.of(token), null, context, System.nanoTime());
        }

        static Verdict anonymous(Executor context) {
            return new Verdict(Optional.empty(), null, context, System.nanoTime());
        }

        static Verdict refused(String why) {
            return new Verdict(Optional.empty(), why, Runnable::run, System.nanoTime());
        }

        Set<String> roles() {
            return token.map(JsonWebToken::getGroups).orElse(Set.of());
        }
    }

    private static final long STALE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Map<String, Verdict> waiting = new ConcurrentHashMap<>();
    private final AtomicLong handed = new AtomicLong();

    /** Keeps {@code verdict} for its call; the key is random, so a key a client made up finds nothing. */
    String put(Verdict verdict) {
        if ((handed.incrementAndGet() & 1023) == 0) {
            long now = System.nanoTime();
            waiting.values().removeIf(v -> now - v.madeAtNanos() > STALE_NANOS);
        }
        String key = UUID.randomUUID().toString();
        waiting.put(key, verdict);
        return key;
    }

    Optional<Verdict> take(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(waiting.remove(key));
    }
}
