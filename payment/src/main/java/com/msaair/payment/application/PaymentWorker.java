package com.msaair.payment.application;

import com.msaair.platform.worker.LeasedRounds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background of paying, one replica at a time: charges the payments their bookings could not
 * (the payment service was down or slow, the processor failing) until they are captured, declined or
 * past their deadline, and makes the refunds owed. Each unit is one payment; a failure of one is
 * logged and does not hold up the others.
 */
@ApplicationScoped
public class PaymentWorker {

    private static final Logger LOG = Logger.getLogger(PaymentWorker.class.getName());
    static final String LEASE = "payment-worker";
    /** A charge of the slowest test payment method takes 5 s; a unit begins only with this much of the lease left. */
    private static final Duration PER_UNIT = Duration.ofSeconds(6);
    /**
     * Short, like the relay's: after a replica dies (kill -9) the next one waits for its lease to run
     * out before charging, and every second of that is taken from the holds waiting to be paid.
     */
    private static final Duration LEASE_TERM = Duration.ofSeconds(15);

    @Inject
    PaymentService payments;

    @Inject
    PaymentSettlement settlement;

    @Inject
    PaymentSettings settings;

    @Inject
    LeasedRounds rounds;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        rounds.job(LEASE, LEASE_TERM, PER_UNIT, this::round, LOG).start(settings.pollInterval());
    }

    boolean round(BooleanSupplier mayGoOn) {
        List<Long> due = settlement.dueForCharge(settings.batchSize());
        for (long reservationId : due) {
            if (!mayGoOn.getAsBoolean()) {
                return true;
            }
            each("charge", reservationId, () -> payments.chargeDue(reservationId));
        }
        List<Long> owed = settlement.owingRefunds(settings.batchSize());
        for (long reservationId : owed) {
            if (!mayGoOn.getAsBoolean()) {
                return true;
            }
            each("refund", reservationId, () -> payments.refundOwed(reservationId));
        }
        return !due.isEmpty() || !owed.isEmpty();
    }

    private static void each(String what, long reservationId, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // A declined charge or a processor error was recorded where it matters; the rest is for the log.
            LOG.log(Level.FINE, () -> "The " + what + " of reservation " + reservationId + " did not complete: " + e);
        }
    }
}
