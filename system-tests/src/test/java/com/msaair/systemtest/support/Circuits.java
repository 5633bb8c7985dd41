package com.msaair.systemtest.support;

import com.msaair.localstack.Service;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Reservation's circuit breakers, put back between tests: a test that stopped a dependency leaves its
 * breaker open for a while, and the next test's booking would then be answered by the fallback.
 */
public final class Circuits {

    public static final String FLIGHT_CHECK = "ScheduleServiceFlights.find";
    public static final String CUSTOMER_CHECK = "MileageServiceCustomers.check";

    private Circuits() {}

    /** Books until reservation's {@code method} has succeeded twice more through its breaker: it is closed. */
    public static void awaitClosed(String method) {
        Supplier<Double> successes = () -> Metrics.value(Service.RESERVATION, "ft_circuitbreaker_calls_total", method, "circuitBreakerResult=\"success\"");
        double before = successes.get();
        long flight = Api.id(Api.registerFlight(200, 100));
        Eventually.await(method + " breaker closed", Duration.ofSeconds(60), () -> {
            if (method.equals(FLIGHT_CHECK)) {
                // Schedule is asked only about a flight reservation's replica has not got: one nobody has is
                // asked about every time, and its "not found" is an answer, a success to the breaker.
                Api.book(Api.newCustomer(), UNKNOWN_FLIGHT, 1);
            } else {
                // A new customer each time: a customer once verified is not asked about again.
                Api.book(Api.newCustomer(), flight, 1);
            }
            return successes.get();
        }, now -> now >= before + 2);
    }

    /** A flight id schedule never gives (its ids count up from 1). */
    private static final long UNKNOWN_FLIGHT = 900_000_000L;
}
