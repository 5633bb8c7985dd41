package com.msaair.reservation.adapter.out.mileage;

import com.msaair.platform.security.Caller;
import com.msaair.reservation.adapter.out.NotFoundMapper;
import com.msaair.reservation.domain.CustomerDirectory;
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
 * The customer check, asked of the mileage service, and the one place its fault-tolerance policy
 * lives. Mileage is not allowed to block booking: when it cannot answer (down, slow, circuit open) the
 * fallback says UNVERIFIED (the booking records that, and the mileage service parks the accrual
 * visibly if the customer turns out not to exist). A definite "no such customer" (404) is an answer,
 * never a failure: it passes through and refuses the booking. It asks with the caller's own token
 * (read on the caller's thread: a synchronous policy runs there), so it can confirm nobody the caller
 * could not see.
 *
 * <p>Tunable through MicroProfile Config like {@code .../MileageServiceCustomers/check/Timeout/value}.
 */
@ApplicationScoped
public class MileageServiceCustomers implements CustomerDirectory {

    @Inject
    @RestClient
    MileageClient mileage;

    @Inject
    Caller caller;

    @Override
    @Timeout(value = 1000, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, abortOn = {ReservationException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2, skipOn = ReservationException.class)
    @Fallback(fallbackMethod = "unverified", skipOn = ReservationException.class)
    public CustomerCheck check(String customerId) {
        try (Response response = mileage.get(customerId, caller.authorization())) {
            return CustomerCheck.VERIFIED;
        } catch (NotFoundMapper.NotFound e) {
            throw ReservationException.customerNotFound(customerId);
        }
    }

    CustomerCheck unverified(String customerId) {
        return CustomerCheck.UNVERIFIED;
    }
}
