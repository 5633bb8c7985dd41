package com.msaair.reservation.adapter.out.mileage;

import com.msaair.reservation.adapter.out.NotFoundMapper;
import com.msaair.reservation.domain.CustomerDirectory.CustomerCheck;
import com.msaair.reservation.domain.ReservationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The mileage service's customer API behind its fault-tolerance policy: the one bean that wraps the
 * Rest Client. When mileage cannot answer (down, slow, circuit open) the fallback says UNVERIFIED; a
 * definite "no such customer" (404) is an answer, never a failure, and passes through.
 *
 * <p>Tunable through MicroProfile Config like {@code .../MileageCustomers/ask/Timeout/value}.
 */
@ApplicationScoped
public class MileageCustomers {

    @Inject
    @RestClient
    MileageClient mileage;

    /** @param authorization the caller's own {@code Authorization} header, passed on */
    @Timeout(value = 1000, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, abortOn = {ReservationException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2, skipOn = ReservationException.class)
    @Fallback(fallbackMethod = "unverified", skipOn = ReservationException.class)
    public CustomerCheck ask(String customerId, String authorization) {
        try (Response response = mileage.get(customerId, authorization)) {
            return CustomerCheck.VERIFIED;
        } catch (NotFoundMapper.NotFound e) {
            throw ReservationException.customerNotFound(customerId);
        }
    }

    CustomerCheck unverified(String customerId, String authorization) {
        return CustomerCheck.UNVERIFIED;
    }
}
