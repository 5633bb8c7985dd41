package com.msaair.reservation.adapter.out.schedule;

import com.msaair.reservation.adapter.out.NotFoundMapper;
import com.msaair.reservation.domain.FlightDirectory;
import com.msaair.reservation.domain.FlightFacts;
import com.msaair.reservation.domain.FlightRepository;
import com.msaair.reservation.domain.FlightStatus;
import com.msaair.platform.domain.Money;
import com.msaair.reservation.domain.ReservationException;
import com.msaair.reservation.domain.SeatLayout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The live flight check, and the one place its fault-tolerance policy lives. Booking asks it only for
 * a flight the local replica does not have yet (BookingService); it asks the schedule service, and
 * when that is slow, failing or its circuit is open, the answer comes from the replica after all (a
 * ScheduleCreated may have arrived meanwhile) — still only for flights that exist. "No such flight"
 * is an answer, not a failure: it is neither retried nor counted by the breaker nor replaced by the
 * fallback.
 *
 * <p>Every value below can be changed through MicroProfile Config, e.g.
 * {@code com.msaair.reservation.adapter.out.schedule.ScheduleServiceFlights/find/CircuitBreaker/delay=10000}
 * (or the environment variable of that name in upper case with underscores).
 */
@ApplicationScoped
public class ScheduleServiceFlights implements FlightDirectory {

    @Inject
    @RestClient
    ScheduleClient schedules;

    @Inject
    FlightRepository replica;

    @Override
    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, abortOn = {ReservationException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5000, successThreshold = 2, skipOn = ReservationException.class)
    @Fallback(fallbackMethod = "fromReplica", skipOn = ReservationException.class)
    public FlightFacts find(long scheduleId) {
        try {
            ScheduleClient.Schedule s = schedules.get(scheduleId);
            SeatLayout layout = s.seatMap() == null ? SeatLayout.generic(s.seatCapacity())
                    : SeatLayout.of(s.seatMap().rows(), s.seatMap().letters(),
                            s.seatMap().aisles() == null ? java.util.List.of() : s.seatMap().aisles(), s.seatCapacity());
            return new FlightFacts(s.id(), s.flightNumber(), s.origin(), s.destination(), s.departureTime(), s.arrivalTime(),
                    s.aircraftType() == null ? FlightFacts.GENERIC : s.aircraftType(), layout, s.miles(),
                    new Money(s.fare().amount(), s.fare().currency()), FlightStatus.valueOf(s.status()));
        } catch (NotFoundMapper.NotFound e) {
            throw ReservationException.flightNotFound(scheduleId);
        }
    }

    FlightFacts fromReplica(long scheduleId) {
        return replica.find(scheduleId).map(flight -> flight.facts()).orElseThrow(() -> ReservationException.flightNotFound(scheduleId));
    }
}
