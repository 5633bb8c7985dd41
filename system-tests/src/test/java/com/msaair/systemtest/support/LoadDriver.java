package com.msaair.systemtest.support;

import com.msaair.localstack.Service;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of bookings and cancellations, as careful clients make them: every booking carries
 * an Idempotency-Key and is retried with the same key until it gets a definite answer, so the client
 * knows exactly which bookings exist. Remembers every outcome for the audit.
 */
public final class LoadDriver implements AutoCloseable {

    /** A booking the system confirmed (201), and whether the client later cancelled it. */
    public static final class Booked {
        public final long reservationId;
        public final String customerId;
        public final long scheduleId;
        public final int passengers;
        public final long miles;
        public volatile boolean cancelled;

        Booked(long reservationId, String customerId, long scheduleId, int passengers, long miles) {
            this.reservationId = reservationId;
            this.customerId = customerId;
            this.scheduleId = scheduleId;
            this.passengers = passengers;
            this.miles = miles;
        }
    }

    /** A request that failed before it got a definite answer (connection refused, 5xx), and when. */
    public record Failure(long atMillis, String what) {}

    private final URI reservation;
    private final List<String> customers;
    private final List<Long> flights;
    private final List<Throwable> died = new CopyOnWriteArrayList<>();
    private final ExecutorService workers;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<Long, Booked> booked = new ConcurrentHashMap<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    /** Books and cancels at the stack's reservation server. */
    public LoadDriver(List<String> customers, List<Long> flights, int threads, Duration pause) {
        this(SystemStack.server(Service.RESERVATION).uri(), customers, flights, threads, pause);
    }

    /** Books and cancels at {@code reservation} (a proxy in front of replicas, say). */
    public LoadDriver(URI reservation, List<String> customers, List<Long> flights, int threads, Duration pause) {
        this.reservation = reservation;
        this.customers = List.copyOf(customers);
        this.flights = new CopyOnWriteArrayList<>(flights);
        this.workers = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            workers.submit(() -> {
                try {
                    while (running.get()) {
                        step();
                        Eventually.pause(pause.toMillis()); // pacing of the load, not waiting for an outcome
                    }
                } catch (Throwable e) {
                    died.add(e); // a load that silently thinned out would make the audit prove less than it says
                }
            });
        }
    }

    /** Bookings answered 202 HELD (payment could not answer in time): confirmed later, in the background. */
    private final java.util.Set<Long> heldAtAnswer = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void step() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // Only bookings paid at once are cancelled: one answered 202 is left to be confirmed in the background,
        // so every booking's notifications and history are those of a confirmed booking (the audit counts them).
        List<Booked> mine = booked.values().stream().filter(b -> !heldAtAnswer.contains(b.reservationId)).toList();
        if (!mine.isEmpty() && random.nextInt(5) == 0) {
            Booked victim = mine.get(random.nextInt(mine.size()));
            if (!victim.cancelled) {
                cancel(victim);
                return;
            }
        }
        List<Long> open = List.copyOf(flights);
        book(customers.get(random.nextInt(customers.size())), open.get(random.nextInt(open.size())), 1 + random.nextInt(2));
    }

    private void book(String customer, long flight, int passengers) {
        attempts.incrementAndGet();
        String key = "load-" + UUID.randomUUID();
        JsonObject body = Json.createObjectBuilder().add("scheduleId", flight).add("passengers", passengers)
                .add("paymentMethod", Api.VISA).build();
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                Http.Reply reply = Http.post(reservation.resolve("/api/reservations"), body,
                        Map.of("Idempotency-Key", key, "Authorization", Api.as(customer)));
                if (reply.status() == 201 || reply.status() == 202) { // paid, or held while payment settles it in the background
                    JsonObject reservation = reply.json();
                    if (reply.status() == 202) {
                        heldAtAnswer.add(Api.id(reservation));
                    }
                    booked.putIfAbsent(Api.id(reservation), new Booked(Api.id(reservation), customer, flight, passengers, reservation.getInt("miles")));
                    return;
                }
                if (reply.status() < 500) {
                    refused.incrementAndGet(); // a definite no (sold out): nothing was booked
                    return;
                }
                failures.add(new Failure(System.currentTimeMillis(), "book " + reply.status()));
            } catch (UncheckedIOException e) {
                failures.add(new Failure(System.currentTimeMillis(), "book " + e.getCause().getClass().getSimpleName()));
            }
            Eventually.pause(250);
        }
        throw new IllegalStateException("A booking got no definite answer for 3 minutes");
    }

    private void cancel(Booked booking) {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                Http.Reply reply = Http.delete(reservation.resolve("/api/reservations/" + booking.reservationId), Api.manager());
                if (reply.status() == 200 || (reply.status() == 409 && reply.body().contains("reservation-cancelled"))) {
                    booking.cancelled = true; // a 409 after an unanswered attempt: that attempt did it
                    return;
                }
                failures.add(new Failure(System.currentTimeMillis(), "cancel " + reply.status()));
            } catch (UncheckedIOException e) {
                failures.add(new Failure(System.currentTimeMillis(), "cancel " + e.getCause().getClass().getSimpleName()));
            }
            Eventually.pause(250);
        }
        throw new IllegalStateException("A cancellation got no definite answer for 3 minutes");
    }

    /** Books this flight too from now on. */
    public void addFlight(long scheduleId) {
        flights.add(scheduleId);
    }

    /** Books this flight no more (it is about to be cancelled). */
    public void removeFlight(long scheduleId) {
        flights.remove(scheduleId);
    }

    /** Fails when a worker thread died: the load it was to make is missing from the audit. */
    public void assertAllAlive() {
        if (!died.isEmpty()) {
            AssertionError failure = new AssertionError(died.size() + " load-driver threads died; the first: " + died.get(0), died.get(0));
            died.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    public Map<Long, Booked> booked() {
        return booked;
    }

    public int bookingsAttempted() {
        return attempts.get();
    }

    public int refused() {
        return refused.get();
    }

    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Waits until {@code more} further bookings have been confirmed (steady state between two faults). */
    public void awaitProgress(int more) {
        int target = booked.size() + more;
        Eventually.await(more + " more confirmed bookings", Duration.ofMinutes(3), booked::size, size -> size >= target);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        workers.shutdown();
        if (!workers.awaitTermination(4, TimeUnit.MINUTES)) {
            workers.shutdownNow();
        }
        assertAllAlive();
    }
}
