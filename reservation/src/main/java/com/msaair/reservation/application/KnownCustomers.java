package com.msaair.reservation.application;

import com.msaair.reservation.domain.CustomerDirectory;
import com.msaair.reservation.domain.CustomerDirectory.CustomerCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The customer check of a booking, remembering whom the directory confirmed. Customers are never
 * deleted (mileage has no way to), so a customer once confirmed stays confirmed: those are remembered
 * (up to {@value #REMEMBERED} of them, the least recently booked going first) and not asked about
 * again. Only the first booking of a customer per server costs a call, and a remembered customer's
 * booking never touches the call's fault-tolerance policy; "unverified" and "no such customer" are
 * never remembered. Who may be asked about is unchanged: a customer books only for themselves (403
 * otherwise, before any check), staff for anyone, whose profile they may read anyway.
 */
@ApplicationScoped
public class KnownCustomers {

    static final int REMEMBERED = 100_000;

    @Inject
    CustomerDirectory directory;

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

    /** @throws com.msaair.reservation.domain.ReservationException when the directory says the customer does not exist */
    public CustomerCheck check(String customerId) {
        if (verified.get(customerId) != null) {
            return CustomerCheck.VERIFIED;
        }
        CustomerCheck answer = directory.check(customerId);
        if (answer == CustomerCheck.VERIFIED) {
            verified.put(customerId, Boolean.TRUE);
        }
        return answer;
    }
}
