package com.msaair.reservation.application;

import com.msaair.platform.domain.DomainException;
import com.msaair.reservation.domain.CustomerDirectory.CustomerCheck;
import com.msaair.reservation.domain.FlightDirectory;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.FlightStatus;
import com.msaair.reservation.domain.Payments;
import com.msaair.reservation.domain.Payments.PaymentOutcome;
import com.msaair.reservation.domain.ReservationStatus;
import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.ReservationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Booking and cancelling, as an orchestration (the booking saga, docs/architecture.md): the customer
 * check against mileage runs first, outside any transaction, behind its own fault-tolerance policy;
 * then {@link SeatBooking} holds the seats on the local replica of the flight, stores the reservation
 * and writes ReservationHeld in one local transaction — the schedule service is asked about the flight
 * only when the replica does not have it yet; then the charge, again outside any transaction; then
 * {@link HoldSettlement} confirms or releases the hold in a transaction of its own. Each
 * transactional step is retried alone on a lock conflict; no remote call is ever repeated because a
 * row was busy.
 */
@ApplicationScoped
public class BookingService {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(BookingService.class.getName());

    @Inject
    FlightDirectory flightDirectory;

    @Inject
    KnownCustomers customers;

    @Inject
    SeatBooking seats;

    @Inject
    ReservationRepository reservations;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    Payments payments;

    @Inject
    HoldSettlement holds;

    @Inject
    BookingTerms terms;

    /**
     * Books and pays: answers the booking CONFIRMED (paid) or HELD (the payment is settled in the
     * background), or refuses — a declined payment (402) or an unknown payment method (422), with the
     * seats back at once. A repeated idempotency key answers the first booking as it stands now.
     */
    public Booking book(BookFlight command) {
        Optional<Booking> earlier = replay(command);
        if (earlier.isPresent()) {
            return answer(earlier.get());
        }
        boolean verified = customers.check(command.customerId()) == CustomerCheck.VERIFIED;
        Booking held = hold(command, verified);
        if (held.replayed()) {
            return answer(held);
        }
        Reservation reservation = held.reservation();
        PaymentOutcome payment = payments.charge(reservation, terms.captureBefore(reservation.holdExpiresAt()));
        Reservation settled = switch (payment.result()) {
            case PAID -> holds.confirm(reservation, null);
            case DECLINED, UNKNOWN_METHOD -> holds.release(reservation.id(), ReservationStatus.PAYMENT_FAILED, payment.reason(), null);
            case PENDING -> reservation;
        };
        // One line per booking (JSON in messages.log, with the trace id): where a trace leads in the logs.
        LOG.info(() -> "Reservation " + settled.id() + " " + settled.status() + ": flight " + settled.scheduleId() + ", "
                + settled.passengers() + " seat(s), payment " + payment.result());
        return answer(new Booking(settled, false));
    }

    /**
     * Holds the seats on the flight as the local replica has it (kept current from schedule events). A
     * flight the replica does not have yet — its first booking came before its ScheduleCreated — is
     * asked of the schedule service, whose answer starts the replica. A flight cancelled in schedule
     * whose ScheduleCancelled has not arrived yet is booked here and then cancelled with it, refunded
     * in full, like every booking it had (docs/architecture.md, "The flight check").
     */
    private Booking hold(BookFlight command, boolean verified) {
        try {
            Optional<Booking> booking = seats.hold(command, verified);
            if (booking.isPresent()) {
                return booking.get();
            }
            FlightFacts facts = flightDirectory.find(command.scheduleId());
            if (facts.status() == FlightStatus.CANCELLED) {
                // The live answer may be ahead of the replica: never start a replica, or book, from a cancelled flight.
                throw ReservationException.flightCancelled(command.scheduleId());
            }
            ensureReplica(facts);
            return seats.hold(command, verified).orElseThrow(() -> new IllegalStateException(
                    "the replica of flight " + command.scheduleId() + " is missing right after it was added"));
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            // A concurrent request with the same idempotency key committed first: answer with its booking.
            return replay(command).orElseThrow(() -> e);
        }
    }

    /** A booking whose payment failed is answered as the refusal it was, also when its key is repeated. */
    private static Booking answer(Booking booking) {
        Reservation reservation = booking.reservation();
        if (reservation.status() == ReservationStatus.PAYMENT_FAILED) {
            throw PaymentOutcome.unknownMethod().reason().equals(reservation.releaseReason())
                    ? ReservationException.unknownPaymentMethod(reservation.id())
                    : ReservationException.paymentDeclined(reservation.id(), reservation.releaseReason());
        }
        return booking;
    }

    public Reservation cancel(long reservationId) {
        return seats.cancel(reservationId);
    }

    public Reservation get(long reservationId) {
        return reservations.find(reservationId).orElseThrow(() -> ReservationException.notFound(reservationId));
    }

    public List<Reservation> ofCustomer(String customerId, int offset, int limit) {
        return reservations.ofCustomer(customerId, offset, limit);
    }

    public long countOfCustomer(String customerId) {
        return reservations.countOfCustomer(customerId);
    }

    /**
     * Starts the flight's replica from the live facts. Added at the same moment by another booking or
     * by the consumer, the insert fails and the row is there either way; any other failure (the
     * database away) is the booking's failure and is not swallowed.
     */
    private void ensureReplica(FlightFacts facts) {
        try {
            seats.addReplica(facts);
        } catch (RuntimeException e) {
            if (!seats.hasReplica(facts.scheduleId())) {
                throw e;
            }
        }
    }

    private Optional<Booking> replay(BookFlight command) {
        return earlierBooking(command).map(reservationId -> new Booking(get(reservationId), true));
    }

    /**
     * The reservation an earlier request of the same customer with the same idempotency key made, if
     * any; a 422 if that request asked for something else. Another customer's equal key is not this one.
     */
    Optional<Long> earlierBooking(BookFlight command) {
        if (command.idempotencyKey().isEmpty()) {
            return Optional.empty();
        }
        String key = command.idempotencyKey().get();
        return idempotencyKeys.find(command.customerId(), key).map(recorded -> {
            if (!recorded.fingerprint().equals(command.fingerprint())) {
                throw ReservationException.idempotencyKeyReused(key);
            }
            return recorded.reservationId();
        });
    }
}
