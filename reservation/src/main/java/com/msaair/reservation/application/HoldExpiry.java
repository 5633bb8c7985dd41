package com.msaair.reservation.application;

import com.msaair.platform.worker.LeasedRounds;
import com.msaair.reservation.domain.ReservationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Gives back the seats of bookings whose hold ran out unpaid (EXPIRED), one replica at a time. So no
 * booking stays held for ever, whatever happened to its payment: the payment service takes no money
 * after the hold's capture deadline, and refunds in full whatever lands for a released booking.
 */
@ApplicationScoped
public class HoldExpiry {

    private static final Logger LOG = Logger.getLogger(HoldExpiry.class.getName());
    static final String LEASE = "hold-expiry";
    static final String REASON = "hold_expired";

    @Inject
    HoldSettlement holds;

    @Inject
    BookingTerms terms;

    @Inject
    LeasedRounds rounds;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        rounds.job(LEASE, Duration.ofSeconds(15), Duration.ofSeconds(2), this::round, LOG).start(terms.expiryPoll());
    }

    boolean round(BooleanSupplier mayGoOn) {
        List<Long> expired = holds.heldExpired(100);
        for (long reservationId : expired) {
            if (!mayGoOn.getAsBoolean()) {
                break;
            }
            holds.release(reservationId, ReservationStatus.EXPIRED, REASON, null);
        }
        return !expired.isEmpty();
    }
}
