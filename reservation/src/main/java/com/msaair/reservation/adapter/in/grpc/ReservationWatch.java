package com.msaair.reservation.adapter.in.grpc;

import com.msaair.platform.outbox.OutboxAppended;
import com.msaair.reservation.application.BookingService;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationStatus;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bookings {@code Watch} calls follow until they are settled (no longer HELD). No thread, request or
 * transaction is held per watcher: a watcher is an entry here, and one task of Liberty's managed
 * scheduler reads each followed booking through the application's BookingService and sends what
 * changed. It runs every {@code msaair.grpc.watch.poll-ms} (1000), and at once (at most every 100 ms)
 * when a transaction of this server wrote an event — every change of a booking's status does
 * (through the outbox) — so a change made here (the booking's own charge, a cancellation) is seen
 * within milliseconds, and one made by another replica (its payment consumer confirming) within the
 * poll. Each read is one primary-key lookup outside any transaction. At most
 * {@code msaair.grpc.watch.max} (1000) watchers at once; more are RESOURCE_EXHAUSTED. A watch whose
 * deadline comes first ends with DEADLINE_EXCEEDED shortly before it: Liberty, left to it, ends a stream
 * whose answer has begun without its trailers, which a client reads as INTERNAL.
 */
@ApplicationScoped
public class ReservationWatch {

    private static final Logger LOG = Logger.getLogger(ReservationWatch.class.getName());
    private static final long MIN_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long DEADLINE_MARGIN_MS = 250;

    /** One watcher: its call, and the status it was last sent. Touched by the ticking task only, once registered. */
    private static final class Watcher {
        final long id;
        final ServerCallStreamObserver<com.msaair.booking.v1.Reservation> call;
        ReservationStatus sent;

        Watcher(long id, ServerCallStreamObserver<com.msaair.booking.v1.Reservation> call, ReservationStatus sent) {
            this.id = id;
            this.call = call;
            this.sent = sent;
        }
    }

    @Inject
    BookingService bookings;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    @ConfigProperty(name = "msaair.grpc.watch.poll-ms", defaultValue = "1000")
    long pollMs;

    @Inject
    @ConfigProperty(name = "msaair.grpc.watch.max", defaultValue = "1000")
    int max;

    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile long lastTick = System.nanoTime();
    private ScheduledFuture<?> polling;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        polling = executor.scheduleWithFixedDelay(this::tick, pollMs, pollMs, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
        for (Watcher watcher : watchers) {
            end(watcher, () -> watcher.call.onError(Status.UNAVAILABLE.withDescription("The server is stopping: Watch again").asRuntimeException()));
        }
    }

    /** Sends {@code reservation} as it stands, then its changes until it is settled. Called by the Watch call itself. */
    void follow(Reservation reservation, ServerCallStreamObserver<com.msaair.booking.v1.Reservation> call) {
        boolean settled = reservation.status() != ReservationStatus.HELD;
        if (!settled && watchers.size() >= max) {
            call.onError(GrpcStatuses.of(new com.msaair.platform.admission.OverloadedException("watch",
                    com.msaair.platform.admission.OverloadedException.Reason.QUEUE_FULL, java.time.Duration.ofSeconds(5))));
            return;
        }
        Watcher watcher = new Watcher(reservation.id(), call, reservation.status());
        call.setOnCancelHandler(() -> watchers.remove(watcher));
        call.onNext(BookingMessages.reservation(reservation));
        if (settled) {
            call.onCompleted();
            return;
        }
        watchers.add(watcher);
        io.grpc.Deadline deadline = io.grpc.Context.current().getDeadline();
        if (deadline != null) {
            executor.schedule(() -> expire(watcher), Math.max(0, deadline.timeRemaining(TimeUnit.MILLISECONDS) - DEADLINE_MARGIN_MS),
                    TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void expire(Watcher watcher) {
        if (watchers.contains(watcher)) {
            end(watcher, () -> watcher.call.onError(Status.DEADLINE_EXCEEDED
                    .withDescription("The call's deadline is here and reservation " + watcher.id + " is still HELD: Watch again to follow it")
                    .asRuntimeException()));
        }
    }

    /** A transaction of this server wrote an event: a followed booking may have changed. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        if (watchers.isEmpty() || !woken.compareAndSet(false, true)) {
            return;
        }
        long wait = Math.max(0, MIN_GAP_NANOS - (System.nanoTime() - lastTick));
        executor.schedule(() -> {
            woken.set(false);
            tick();
        }, wait, TimeUnit.NANOSECONDS);
    }

    /** One round over every watcher; rounds never overlap, so each call is written by one thread at a time. */
    synchronized void tick() {
        lastTick = System.nanoTime();
        for (Watcher watcher : watchers) {
            if (watcher.call.isCancelled()) {
                watchers.remove(watcher);
                continue;
            }
            Reservation now;
            try {
                now = bookings.get(watcher.id);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Reservation " + watcher.id + " could not be read for its watchers; trying again", e);
                continue;
            }
            if (now.status() != watcher.sent) {
                watcher.sent = now.status();
                if (!send(watcher, now)) {
                    continue;
                }
            }
            if (now.status() != ReservationStatus.HELD) {
                end(watcher, watcher.call::onCompleted);
            }
        }
    }

    private boolean send(Watcher watcher, Reservation now) {
        try {
            watcher.call.onNext(BookingMessages.reservation(now));
            return true;
        } catch (RuntimeException e) {
            watchers.remove(watcher); // the call went away between the check and the send
            return false;
        }
    }

    private void end(Watcher watcher, Runnable ending) {
        watchers.remove(watcher);
        try {
            ending.run();
        } catch (RuntimeException e) {
            // already cancelled or closed: nothing to tell
        }
    }
}
