package com.msaair.schedule.adapter.out.persistence;

import com.msaair.platform.persistence.NumberedRepository;
import com.msaair.schedule.domain.Airport;
import com.msaair.schedule.domain.FlightNumber;
import com.msaair.schedule.domain.Schedule;
import com.msaair.schedule.domain.ScheduleRepository;
import com.msaair.schedule.domain.ScheduleSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.List;

/** Schedules in the service's own database, mapped in {@code META-INF/orm.xml} so the domain stays plain Java. */
@ApplicationScoped
public class JpaScheduleRepository extends NumberedRepository<Schedule> implements ScheduleRepository {

    @Override
    public Schedule add(Schedule schedule) {
        return insert(schedule);
    }

    @Override
    public boolean exists(FlightNumber flightNumber, LocalDate departureDate) {
        return !em.createQuery("SELECT s.id FROM Schedule s WHERE s.flightNumber = :flight AND s.departureDate = :date", Long.class)
                .setParameter("flight", flightNumber)
                .setParameter("date", departureDate)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public List<Schedule> search(ScheduleSearch search, int offset, int limit) {
        return bind(em.createQuery("SELECT s FROM Schedule s" + where(search) + " ORDER BY s.departureTime, s.id", Schedule.class), search)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long count(ScheduleSearch search) {
        return bind(em.createQuery("SELECT COUNT(s) FROM Schedule s" + where(search), Long.class), search).getSingleResult();
    }

    private static String where(ScheduleSearch search) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        search.origin().ifPresent(a -> where.append(" AND s.origin = :origin"));
        search.destination().ifPresent(a -> where.append(" AND s.destination = :destination"));
        search.departureDate().ifPresent(d -> where.append(" AND s.departureDate = :date"));
        return where.toString();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, ScheduleSearch search) {
        search.origin().ifPresent(a -> query.setParameter("origin", a));
        search.destination().ifPresent(a -> query.setParameter("destination", a));
        search.departureDate().ifPresent(d -> query.setParameter("date", d));
        return query;
    }

    /** Stores an {@link Airport} as its code. */
    @jakarta.persistence.Converter
    public static class AirportConverter implements jakarta.persistence.AttributeConverter<Airport, String> {
        @Override
        public String convertToDatabaseColumn(Airport airport) {
            return airport == null ? null : airport.code();
        }

        @Override
        public Airport convertToEntityAttribute(String code) {
            return code == null ? null : new Airport(code);
        }
    }

    /** Stores a {@link FlightNumber} as its text. */
    @jakarta.persistence.Converter
    public static class FlightNumberConverter implements jakarta.persistence.AttributeConverter<FlightNumber, String> {
        @Override
        public String convertToDatabaseColumn(FlightNumber number) {
            return number == null ? null : number.value();
        }

        @Override
        public FlightNumber convertToEntityAttribute(String value) {
            return value == null ? null : new FlightNumber(value);
        }
    }
}
