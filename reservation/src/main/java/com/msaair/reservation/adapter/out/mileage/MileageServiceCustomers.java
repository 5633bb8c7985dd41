package com.msaair.reservation.adapter.out.mileage;

import com.msaair.reservation.adapter.out.NotFoundMapper;
import com.msaair.reservation.domain.CustomerDirectory;
import com.msaair.reservation.domain.ReservationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The customer check, and its fault-tolerance policy. Mileage is not allowed to block booking: when
 * it cannot answer, the fallback accepts the customer as UNVERIFIED (the booking records that, and
 * the mileage service parks the accrual visibly if the customer turns out not to exist). A definite
 * "no such customer" (404) still refuses the booking.
 *
 * <p>Customers are never deleted, so a customer the mileage service once confirmed stays confirmed:
 * those are remembered (up to {@value #REMEMBERED} of them) and not asked about again. Only the
 * first booking of a customer costs a call; unverified answers are never remembered.
 *
 * <p>Tunable through MicroProfile Config like {@code .../MileageServiceCustomers/ask/Timeout/value}.
 */
@ApplicationScoped
public class MileageServiceCustomers implements CustomerDirectory {

    static final int REMEMBERED = 100_000;

    @Inject
    @RestClient
    MileageClient mileage;

    @Inject
    MileageServiceCustomers self;

    private final Set<Long> verified = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));

    @Override
    public CustomerCheck check(long customerId) {
        if (verified.contains(customerId)) {
            return CustomerCheck.VERIFIED;
        }
        CustomerCheck answer = self.ask(customerId);
        if (answer == CustomerCheck.VERIFIED) {
            verified.add(customerId);
        }
        return answer;
    }

    /** Asks the mileage service, through the fault-tolerance policy (called through the CDI proxy). */
    @Timeout(value = 1000, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, abortOn = {ReservationException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2, skipOn = ReservationException.class)
    @Fallback(fallbackMethod = "unverified", skipOn = ReservationException.class)
    public CustomerCheck ask(long customerId) {
        try (Response response = mileage.get(customerId)) {
            return CustomerCheck.VERIFIED;
        } catch (NotFoundMapper.NotFound e) {
            throw ReservationException.customerNotFound(customerId);
        }
    }

    CustomerCheck unverified(long customerId) {
        return CustomerCheck.UNVERIFIED;
    }
}
