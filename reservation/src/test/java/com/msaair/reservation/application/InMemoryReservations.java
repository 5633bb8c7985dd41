package com.msaair.reservation.application;

import com.msaair.reservation.domain.Reservation;
import com.msaair.reservation.domain.ReservationRepository;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reservations, each given its id as the database gives it (JPA sets the field). */
final class InMemoryReservations implements ReservationRepository {

    private final Map<Long, Reservation> rows = new TreeMap<>();
    /** What a caller locked, in order ("reservation 1"), shared with the flights. */
    private final List<String> locks;

    InMemoryReservations(List<String> locks) {
        this.locks = locks;
    }

    @Override
    public Reservation add(Reservation reservation) {
        try {
            Field id = Reservation.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(reservation, rows.size() + 1L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        rows.put(reservation.id(), reservation);
        return reservation;
    }

    List<Reservation> all() {
        return List.copyOf(rows.values());
    }

    @Override
    public Optional<Reservation> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Reservation> findForUpdate(long id) {
        locks.add("reservation " + id);
        return find(id);
    }

    @Override
    public boolean confirmIfHeld(long id, Instant at) {
        return find(id).map(r -> r.confirm(at)).orElse(false);
    }

    @Override
    public List<Reservation> ofCustomer(String customerId, int offset, int limit) {
        return rows.values().stream().filter(r -> r.customerId().equals(customerId)).sorted(Comparator.comparing(Reservation::id).reversed())
                .skip(offset).limit(limit).toList();
    }

    @Override
    public long countOfCustomer(String customerId) {
        return rows.values().stream().filter(r -> r.customerId().equals(customerId)).count();
    }

    @Override
    public List<Reservation> activeOnFlightForUpdate(long scheduleId) {
        List<Reservation> active = rows.values().stream().filter(r -> r.scheduleId() == scheduleId && r.isActive()).toList();
        active.forEach(r -> locks.add("reservation " + r.id()));
        return active;
    }

    @Override
    public List<Long> heldExpiredAt(Instant now, int limit) {
        return rows.values().stream().filter(r -> r.holdExpiredAt(now)).sorted(Comparator.comparing(Reservation::holdExpiresAt))
                .map(Reservation::id).limit(limit).toList();
    }
}
