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
        Eventually.await(method + " breaker closed", Duration.ofSeconds(60), () -> {
            // A new customer each time: a customer once verified is not asked about again. A new flight each
            // time, booked at once: schedule is asked only about a flight whose ScheduleCreated has not
            // reached reservation's replica yet (most bookings right after the registration; the others
            // simply do not count).
            Api.book(Api.newCustomer(), Api.id(Api.registerFlight(10, 100)), 1);
            return successes.get();
        }, now -> now >= before + 2);
    }
}
