package com.msaair.payment.application;

import com.msaair.payment.domain.Payment;
import com.msaair.payment.domain.PaymentRepository;
import com.msaair.platform.domain.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The payment of each booking, as the booking goes (from reservation events). A held booking opens its payment, so the charge goes
 * on in the background even if the booking's own call never reached this service (see {@link #held}
 * for its transaction), and disowns a payment of its reservation made with other terms; a booking
 * that ended voids its payment or makes it owe what the fare rule gives back, inside the consumer's
 * transaction, which also records the event as handled.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BookingPayments {

    private static final Logger LOG = Logger.getLogger(BookingPayments.class.getName());

    @Inject
    PaymentRepository repository;

    @Inject
    PaymentService payments;

    @Inject
    PaymentMismatches mismatches;

    @Inject
    Clock clock;

    @Inject
    PaymentSettings settings;

    /**
     * A booking was held at {@code heldAt}: its payment is opened unless the booking's own charge
     * opened it already. The background leaves it alone for a grace period after the hold, while the
     * booking is most likely charging it itself.
     *
     * <p>The payment is opened in a transaction of its own, not the consumer's: the booking's own
     * call races this event to open the same payment, and a lost race inside the consumer's
     * transaction would roll back the whole batch of events with it (payment's backlog after an
     * outage then drained one event at a time, with backoff, and holds ran out before they were
     * charged). Opening is idempotent by its own key, the reservation, so a redelivered event
     * finds the payment there.
     */
    public void held(PayReservation booking, Instant heldAt) {
        Duration grace = Duration.between(clock.instant(), heldAt.plus(settings.backgroundGrace()));
        Payment payment = payments.openOrFind(booking, grace.isNegative() ? Duration.ZERO : grace);
        List<String> differences = payment.differencesFrom(booking.customerId(), booking.amount(), booking.paymentMethod(), booking.captureBefore());
        if (!differences.isEmpty()) {
            disown(booking, differences);
        }
    }

    /**
     * The reservation's payment was made with other terms than its booking's (before only reservation
     * could open payments, or for a reservation id reused after its database was reset): it is never
     * kept for this booking. The booking's own charge meets it too (409) and falls back to pending, so
     * the booking goes unpaid and its hold expires — no money moves for it either way.
     */
    private void disown(PayReservation booking, List<String> differences) {
        Payment payment = repository.ofReservationForUpdate(booking.reservationId())
                .orElseThrow(() -> new IllegalStateException("the payment of reservation " + booking.reservationId() + " went away"));
        if (payment.disown(differences, clock.instant())) {
            mismatches.disowned(payment, booking);
        }
    }

    /**
     * A booking ended: released (payment failed, hold expired) or cancelled with a refund of at most
     * {@code refundAtMost}. A booking without a payment here was never charged (its ReservationHeld
     * comes first on the same partition, so this is a booking from before payments existed).
     */
    public void ended(long reservationId, Money refundAtMost) {
        repository.ofReservationForUpdate(reservationId).ifPresentOrElse(
                payment -> payment.bookingEnded(refundAtMost, clock.instant()),
                () -> LOG.info(() -> "Reservation " + reservationId + " ended; it had no payment here"));
    }
}
