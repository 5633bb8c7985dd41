package com.msaair.reservation.adapter.out.mileage;

import com.msaair.platform.security.Caller;
import com.msaair.reservation.domain.CustomerDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The customer check. Mileage is not allowed to block booking: when it cannot answer, the answer is
 * UNVERIFIED (the booking records that, and the mileage service parks the accrual visibly if the
 * customer turns out not to exist). A definite "no such customer" (404) still refuses the booking.
 * It asks with the caller's own token, so it can confirm nobody the caller could not see.
 *
 * <p>Customers are never deleted (mileage has no way to), so a customer the mileage service once
 * confirmed stays confirmed: those are remembered (up to {@value #REMEMBERED} of them, the least
 * recently booked going first) and not asked about again. Only the first booking of a customer per
 * server costs a call; "unverified" and "no such customer" are never remembered. Who may be asked
 * about is unchanged: a customer books only for themselves (403 otherwise, before any check), staff for
 * anyone, whose profile they may read anyway. The policy
 * (timeout, retry, circuit breaker, fallback) is {@link MileageCustomers}'.
 */
@ApplicationScoped
public class MileageServiceCustomers implements CustomerDirectory {

    static final int REMEMBERED = 100_000;

    @Inject
    MileageCustomers mileage;

    @Inject
    Caller caller;

    /**
     * Least recently booked first out: in access order, and looked up with {@code get}, which is what
     * moves an entry to the end ({@code containsKey}, as a set's {@code contains} uses, does not — the
     * bound then pushed out the customers remembered first, however often they booked).
     */
    private final Map<String, Boolean> verified = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    @Override
    public CustomerCheck check(String customerId) {
        if (verified.get(customerId) != null) {
            return CustomerCheck.VERIFIED;
        }
        CustomerCheck answer = mileage.ask(customerId, caller.authorization());
        if (answer == CustomerCheck.VERIFIED) {
            verified.put(customerId, Boolean.TRUE);
        }
        return answer;
    }
}
