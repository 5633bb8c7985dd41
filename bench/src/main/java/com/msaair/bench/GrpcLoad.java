package com.msaair.bench;

import com.msaair.booking.v1.BookReply;
import com.msaair.booking.v1.BookRequest;
import com.msaair.booking.v1.BookingServiceGrpc;
import com.msaair.booking.v1.ReservationStatus;
import com.msaair.localstack.BookingClient;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The standard mode's bookings over gRPC ({@code --protocol grpc}): what book.lua does over REST, as
 * reservation's BookingService/Book — a random seeded customer books one or two seats for themselves on
 * a random seeded flight with their own token (seats named with --seats chosen) — in a closed loop of
 * {@code concurrency} calls at a time on one HTTP/2 connection (gRPC multiplexes; wrk opens a connection
 * per request in flight). Its result is a {@link Wrk.Result}, each answer counted under the HTTP status
 * REST gives the same outcome (CONFIRMED 201, HELD 202, ABORTED 409, RESOURCE_EXHAUSTED 503, ...), so the
 * report reads both protocols alike; latencies in microseconds.
 */
final class GrpcLoad {

    private static final String LETTERS = "ABCDEF";
    private static final int[] PAIR_STARTS = {0, 1, 3, 4};

    private GrpcLoad() {}

    /** Starts {@code concurrency} callers for {@code seconds}; the result when they are done. */
    static CompletableFuture<Wrk.Result> start(String name, String host, int port, int concurrency, int seconds,
            List<OpenLoop.Customer> customers, List<Long> flights, boolean seatChoice, int rows) {
        return CompletableFuture.supplyAsync(() -> run(name, host, port, concurrency, seconds, customers, flights, seatChoice, rows));
    }

    private static Wrk.Result run(String name, String host, int port, int concurrency, int seconds, List<OpenLoop.Customer> customers,
            List<Long> flights, boolean seatChoice, int rows) {
        try (BookingClient client = new BookingClient(host, port)) {
            long started = System.nanoTime();
            long end = started + TimeUnit.SECONDS.toNanos(seconds);
            List<CompletableFuture<Caller>> callers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                callers.add(CompletableFuture.supplyAsync(() -> new Caller().loop(client, end, customers, flights, seatChoice, rows),
                        command -> new Thread(command, name + "-grpc").start()));
            }
            List<Caller> done = callers.stream().map(CompletableFuture::join).toList();
            double elapsed = (System.nanoTime() - started) / 1e9;
            long[] latencies = done.stream().flatMapToLong(c -> Arrays.stream(c.latencies, 0, c.count)).sorted().toArray();
            Map<String, Integer> statuses = new TreeMap<>();
            done.forEach(c -> c.statuses.forEach((status, n) -> statuses.merge(status, n, Integer::sum)));
            return new Wrk.Result(name, latencies.length, elapsed, 0, percentile(latencies, 50), percentile(latencies, 95),
                    percentile(latencies, 99), latencies.length == 0 ? 0 : latencies[latencies.length - 1], statuses);
        }
    }

    /** One call in flight at a time, until the end. */
    private static final class Caller {
        long[] latencies = new long[4096];
        int count;
        final Map<String, Integer> statuses = new TreeMap<>();

        Caller loop(BookingClient client, long end, List<OpenLoop.Customer> customers, List<Long> flights, boolean seatChoice, int rows) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < end) {
                OpenLoop.Customer customer = customers.get(random.nextInt(customers.size()));
                int passengers = random.nextInt(1, 3);
                BookRequest.Builder request = BookRequest.newBuilder().setScheduleId(flights.get(random.nextInt(flights.size())))
                        .setPassengers(passengers).setPaymentMethod("pm_card_visa");
                if (seatChoice) {
                    int row = random.nextInt(1, rows + 1);
                    int at = passengers == 1 ? random.nextInt(6) : PAIR_STARTS[random.nextInt(4)];
                    for (int seat = 0; seat < passengers; seat++) {
                        request.addSeats(row + LETTERS.substring(at + seat, at + seat + 1));
                    }
                }
                BookingServiceGrpc.BookingServiceBlockingStub stub = client.as(customer.token()).withDeadlineAfter(30, TimeUnit.SECONDS);
                long sent = System.nanoTime();
                String status;
                try {
                    BookReply reply = stub.book(request.build());
                    status = reply.getReservation().getStatus() == ReservationStatus.RESERVATION_STATUS_HELD ? "202" : "201";
                } catch (StatusRuntimeException e) {
                    status = restStatus(e.getStatus().getCode());
                }
                record((System.nanoTime() - sent) / 1000);
                statuses.merge(status, 1, Integer::sum);
            }
            return this;
        }

        private void record(long micros) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = micros;
        }
    }

    /** The HTTP status REST answers the same outcome with (docs/grpc.md's table). */
    static String restStatus(Status.Code code) {
        return switch (code) {
            case INVALID_ARGUMENT -> "400";
            case UNAUTHENTICATED -> "401";
            case FAILED_PRECONDITION -> "402";
            case PERMISSION_DENIED -> "403";
            case NOT_FOUND -> "404";
            case ABORTED -> "409";
            case ALREADY_EXISTS -> "422";
            case RESOURCE_EXHAUSTED, UNAVAILABLE -> "503";
            case DEADLINE_EXCEEDED -> "504";
            default -> "500";
        };
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }
}
