package com.msaair.reservation.adapter.out.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Seats as an operator watches them, bounded however many flights there are (no label per flight):
 * {@code msaair_seats_available} over the flights still to depart and {@code msaair_flights_sold_out}
 * among them. Read from the replica of the flights when scraped.
 */
@ApplicationScoped
public class SeatGauges {

    @PersistenceContext
    EntityManager em;

    @Inject
    MetricRegistry registry;

    @Inject
    java.time.Clock clock;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("msaair_seats_available")
                .withDescription("Seats still available on scheduled flights yet to depart").build(), this, SeatGauges::seatsAvailable);
        registry.gauge(Metadata.builder().withName("msaair_flights_sold_out")
                .withDescription("Scheduled flights yet to depart with no seat left").build(), this, SeatGauges::soldOut);
    }

    double seatsAvailable() {
        return read("SELECT COALESCE(SUM(f.seatsAvailable), 0) FROM Flight f WHERE f.status = :scheduled AND f.departureTime > :now");
    }

    double soldOut() {
        return read("SELECT COUNT(f) FROM Flight f WHERE f.status = :scheduled AND f.departureTime > :now AND f.seatsAvailable = 0");
    }

    /** A read outside any transaction: the gauge needs no lock and sees what is committed. */
    private double read(String jpql) {
        try {
            Number value = em.createQuery(jpql, Number.class)
                    .setParameter("scheduled", com.msaair.reservation.domain.FlightStatus.SCHEDULED)
                    .setParameter("now", clock.instant())
                    .getSingleResult();
            return value == null ? 0 : value.doubleValue();
        } catch (RuntimeException e) {
            return Double.NaN; // the database cannot be read now
        }
    }
}
