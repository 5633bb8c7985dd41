package com.msaair.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open-loop booking load: requests leave at a constant arrival rate whatever the answers do, and
 * each one's latency is measured from the moment it was due to leave, not from when it left. A
 * closed loop (wrk) waits for an answer before it sends again, so when the server slows down it
 * sends less and its latencies leave out the time its requests would have queued (coordinated
 * omission); customers in a peak season do not wait for each other. Every booking is what book.lua
 * sends: a random seeded customer, with their own token, books 1-2 seats on a random seeded flight
 * and pays with pm_card_visa.
 */
final class OpenLoop {

    /** A stretch of constant arrival rate. */
    record Phase(String name, double perSecond, int seconds) {
        Phase {
            if (!(perSecond > 0) || seconds < 1) {
                throw new IllegalArgumentException("A phase needs a positive rate and at least one second: " + name + " " + perSecond + "/s "
                        + seconds + " s");
            }
        }
    }

    /** A customer and their access token. */
    record Customer(String id, String token) {}

    /** The pseudo-statuses of requests that got no HTTP answer. */
    static final int TIMED_OUT = -1;
    static final int FAILED = -2;
    /** Not sent: as many requests as the generator allows were already waiting for answers. */
    static final int NOT_SENT = -3;

    /**
     * What became of one request. {@code due} is when it was due to leave, in nanoseconds since the
     * load began; {@code latency} runs from then to its answer; {@code sendLag} is how late the
     * generator itself was in sending it. A 201/202 answer's reservation id and status are kept.
     */
    record Outcome(long due, int status, long latency, long sendLag, boolean retryAfter, long reservationId, String reservationStatus) {

        boolean accepted() {
            return status == 201 || status == 202;
        }

        /** Refused for want of capacity, as a well-behaved server does it: 429 or 503 with Retry-After. */
        boolean shed() {
            return (status == 429 || status == 503) && retryAfter;
        }

        /** No answer, a server error, or a 429/503 that does not say when to come back. */
        boolean error() {
            return status < 0 || (status >= 500 && !shed()) || (status == 429 && !retryAfter);
        }

        /** An answer that says a reservation was made: booked (201, 202) or declined (402, the reservation kept as PAYMENT_FAILED). */
        boolean madeReservation() {
            return accepted() || status == 402;
        }

        /** A request whose fate the client cannot know from its answer: it may or may not have made a reservation. */
        boolean ambiguous() {
            return (status < 0 && status != NOT_SENT) || (status >= 500 && !shed());
        }

        int second() {
            return (int) (due / 1_000_000_000L);
        }
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    private final URI bookings;
    private final List<Customer> customers;
    private final List<Long> flights;
    private final Semaphore outstanding;
    private final int maxOutstanding;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(4);
    private final HttpClient http;

    /**
     * @param maxOutstanding how many requests may wait for answers at once; beyond it a request is
     *                       not sent and counted as {@link #NOT_SENT}, which makes the run invalid
     */
    OpenLoop(String reservationUrl, List<Customer> customers, List<Long> flights, int maxOutstanding) {
        if (customers.isEmpty() || flights.isEmpty()) {
            throw new IllegalArgumentException("An open-loop load needs customers and flights");
        }
        this.bookings = URI.create(reservationUrl + "/api/reservations");
        this.customers = List.copyOf(customers);
        this.flights = List.copyOf(flights);
        this.maxOutstanding = maxOutstanding;
        this.outstanding = new Semaphore(maxOutstanding);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).executor(callbacks).build();
    }

    /** A load under way. */
    final class Running {
        private final long started;
        private final List<Phase> phases;
        private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> new Thread(r, "open-loop-dispatcher"));
        private final Future<Long> sent;

        private Running(List<Phase> phases) {
            this.phases = List.copyOf(phases);
            this.started = System.nanoTime();
            this.sent = dispatcher.submit(this::dispatch);
        }

        private long dispatch() {
            long offset = 0;
            long count = 0;
            for (Phase phase : phases) {
                long requests = Math.round(phase.perSecond() * phase.seconds());
                double interval = 1e9 / phase.perSecond();
                for (long i = 0; i < requests; i++) {
                    long due = offset + (long) (i * interval);
                    long wait;
                    while ((wait = started + due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    send(due);
                    count++;
                }
                offset += phase.seconds() * 1_000_000_000L;
            }
            return count;
        }

        private void send(long due) {
            long lag = System.nanoTime() - (started + due);
            if (!outstanding.tryAcquire()) {
                outcomes.add(new Outcome(due, NOT_SENT, 0, lag, false, 0, null));
                return;
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Customer customer = customers.get(random.nextInt(customers.size()));
            String body = "{\"scheduleId\":" + flights.get(random.nextInt(flights.size())) + ",\"passengers\":" + (1 + random.nextInt(2))
                    + ",\"paymentMethod\":\"pm_card_visa\"}";
            HttpRequest request = HttpRequest.newBuilder(bookings).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + customer.token())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    long latency = System.nanoTime() - (started + due);
                    try {
                        outcomes.add(failure == null ? outcome(due, latency, lag, response) : failed(due, latency, lag, failure));
                    } catch (RuntimeException e) {
                        Console.log("bench", e.getMessage());
                        outcomes.add(new Outcome(due, FAILED, latency, lag, false, 0, null));
                    } finally {
                        outstanding.release(); // after the outcome is recorded: all permits back means all outcomes in
                    }
                });
            } catch (RuntimeException e) {
                outcomes.add(new Outcome(due, FAILED, System.nanoTime() - (started + due), lag, false, 0, null));
                outstanding.release();
            }
        }

        /** Waits until {@code seconds} have passed since the load began. */
        void awaitElapsed(double seconds) {
            long until = started + (long) (seconds * 1e9);
            long wait;
            while ((wait = until - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
        }

        /** Waits for every request's outcome (an answer or its 10-s timeout) and says what happened. */
        Result await() {
            try {
                long count = sent.get();
                if (!outstanding.tryAcquire(maxOutstanding, 1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("Open-loop requests still unanswered a minute after the last one left");
                }
                outstanding.release(maxOutstanding);
                if (outcomes.size() != count) {
                    throw new IllegalStateException(count + " open-loop requests left, " + outcomes.size() + " outcomes recorded");
                }
                List<Outcome> all = new ArrayList<>(outcomes);
                all.sort(java.util.Comparator.comparingLong(Outcome::due));
                return new Result(phases, all);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("The open-loop dispatcher failed", e.getCause());
            } finally {
                dispatcher.shutdownNow();
            }
        }

        long startedNanos() {
            return started;
        }
    }

    Running start(List<Phase> phases) {
        return new Running(phases);
    }

    void close() {
        callbacks.shutdownNow();
    }

    private static Outcome failed(long due, long latency, long lag, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException) {
                return new Outcome(due, TIMED_OUT, latency, lag, false, 0, null);
            }
        }
        return new Outcome(due, FAILED, latency, lag, false, 0, null);
    }

    private static Outcome outcome(long due, long latency, long lag, HttpResponse<String> response) {
        int status = response.statusCode();
        boolean retryAfter = response.headers().firstValue("Retry-After").filter(OpenLoop::validRetryAfter).isPresent();
        if (status != 201 && status != 202) {
            return new Outcome(due, status, latency, lag, retryAfter, 0, null);
        }
        Matcher id = ID.matcher(response.body());
        Matcher reservationStatus = STATUS.matcher(response.body());
        if (!id.find() || !reservationStatus.find()) {
            throw new IllegalStateException("A " + status + " booking answer without an id and status: " + response.body());
        }
        return new Outcome(due, status, latency, lag, retryAfter, Long.parseLong(id.group(1)), reservationStatus.group(1));
    }

    /** delta-seconds, as RFC 9110 allows (an HTTP-date too, which none of ours sends). */
    static boolean validRetryAfter(String value) {
        return value.trim().matches("\\d{1,9}");
    }

    /** Every outcome of a load, in the order the requests were due. */
    record Result(List<Phase> phases, List<Outcome> outcomes) {

        /** One second of the load (by when its requests were due). */
        record Second(int second, String phase, int arrivals, int accepted, int shed, int errors, int other, double p50Ms, double p99Ms) {}

        /** A stretch of the load: counts, answers by status, and the latency of accepted bookings. */
        record Window(double seconds, int arrivals, int accepted, int shed, int errors, int other, int notSent, int shedWithoutRetryAfter,
                Map<String, Integer> statuses, double p50Ms, double p90Ms, double p99Ms, double maxMs, double sendLagP99Ms, double sendLagMaxMs) {

            double acceptedPerSecond() {
                return accepted / seconds;
            }

            double arrivalsPerSecond() {
                return arrivals / seconds;
            }
        }

        int totalSeconds() {
            return phases.stream().mapToInt(Phase::seconds).sum();
        }

        /** The phase the second {@code second} belongs to. */
        String phaseAt(int second) {
            int end = 0;
            for (Phase phase : phases) {
                end += phase.seconds();
                if (second < end) {
                    return phase.name();
                }
            }
            return phases.get(phases.size() - 1).name();
        }

        /** The second at which the named phase begins. */
        int startOf(String phase) {
            int start = 0;
            for (Phase p : phases) {
                if (p.name().equals(phase)) {
                    return start;
                }
                start += p.seconds();
            }
            throw new IllegalArgumentException("No phase " + phase);
        }

        List<Second> perSecond() {
            List<Second> seconds = new ArrayList<>();
            for (int s = 0; s < totalSeconds(); s++) {
                int second = s;
                List<Outcome> due = outcomes.stream().filter(o -> o.second() == second).toList();
                List<Long> latencies = due.stream().filter(Outcome::accepted).map(Outcome::latency).sorted().toList();
                seconds.add(new Second(s, phaseAt(s), due.size(), (int) due.stream().filter(Outcome::accepted).count(),
                        (int) due.stream().filter(Outcome::shed).count(), (int) due.stream().filter(Outcome::error).count(),
                        (int) due.stream().filter(o -> !o.accepted() && !o.shed() && !o.error()).count(),
                        millis(percentile(latencies, 50)), millis(percentile(latencies, 99))));
            }
            return seconds;
        }

        /** The requests due in [from, to) seconds since the load began. */
        Window window(int from, int to) {
            List<Outcome> due = outcomes.stream().filter(o -> o.second() >= from && o.second() < to).toList();
            List<Long> latencies = due.stream().filter(Outcome::accepted).map(Outcome::latency).sorted().toList();
            List<Long> lags = due.stream().map(Outcome::sendLag).sorted().toList();
            Map<String, Integer> statuses = new TreeMap<>();
            due.forEach(o -> statuses.merge(label(o.status()), 1, Integer::sum));
            return new Window(to - from, due.size(), (int) due.stream().filter(Outcome::accepted).count(), (int) due.stream().filter(Outcome::shed).count(),
                    (int) due.stream().filter(Outcome::error).count(), (int) due.stream().filter(o -> !o.accepted() && !o.shed() && !o.error()).count(),
                    (int) due.stream().filter(o -> o.status() == NOT_SENT).count(),
                    (int) due.stream().filter(o -> (o.status() == 429 || o.status() == 503) && !o.retryAfter()).count(), statuses,
                    millis(percentile(latencies, 50)), millis(percentile(latencies, 90)), millis(percentile(latencies, 99)),
                    millis(percentile(latencies, 100)), millis(percentile(lags, 99)), millis(percentile(lags, 100)));
        }

        Window phase(String name) {
            int start = startOf(name);
            int seconds = phases.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().seconds();
            return window(start, start + seconds);
        }

        Window all() {
            return window(0, totalSeconds());
        }

        private static String label(int status) {
            return switch (status) {
                case TIMED_OUT -> "timeout";
                case FAILED -> "io-error";
                case NOT_SENT -> "not-sent";
                default -> String.valueOf(status);
            };
        }
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
