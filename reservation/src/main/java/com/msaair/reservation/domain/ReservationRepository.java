package com.msaair.reservation.domain;

import java.util.List;
import java.util.Optional;

/** Where reservations are kept (a port). */
public interface ReservationRepository {

    Reservation add(Reservation reservation);

    Optional<Reservation> find(long id);

    /** The reservation, locked against concurrent changes until the transaction ends. */
    Optional<Reservation> findForUpdate(long id);

    /**
     * Confirms the reservation at {@code at} if it is still HELD ({@link Reservation#confirm}'s rule),
     * in one statement that also counts as a change of its version; false when it is not held any more.
     */
    boolean confirmIfHeld(long id, java.time.Instant at);

    /** A customer's reservations, newest first. */
    List<Reservation> ofCustomer(String customerId, int offset, int limit);

    long countOfCustomer(String customerId);

    /** Reservations holding seats on a flight (HELD or CONFIRMED), locked for update. */
    List<Reservation> activeOnFlightForUpdate(long scheduleId);

    /** Held reservations whose hold ran out at {@code now}, oldest first. */
    List<Long> heldExpiredAt(java.time.Instant now, int limit);
}
