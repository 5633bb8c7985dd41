package com.msaair.reservation.domain;

import com.msaair.platform.domain.Money;
import java.time.Instant;

/**
 * One flight's sales: seats paid for ({@code seatsSold}), seats held awaiting payment, and the money it
 * keeps ({@code revenue}): what confirmed bookings paid, plus what cancelled paid bookings were not
 * refunded. A declined or expired booking never paid, so it adds nothing.
 */
public record FlightSale(long scheduleId, String flightNumber, String origin, String destination, Instant departureTime,
        FlightStatus status, int seatCapacity, int seatsSold, int seatsHeld, Money revenue) {

    /** Seats sold over capacity, in per cent, rounded down (the load factor airlines report). */
    public int loadFactorPercent() {
        return seatCapacity == 0 ? 0 : (int) (100L * seatsSold / seatCapacity);
    }

    /** What one status of a flight's bookings adds up to: passengers, price and refunds, in the fare's minor units. */
    public record Tally(ReservationStatus status, long passengers, long price, long refunded) {}

    /** The sale of {@code flight} from its bookings' tallies (one per status at most). */
    public static FlightSale of(FlightFacts flight, Iterable<Tally> tallies) {
        long sold = 0;
        long held = 0;
        long revenue = 0;
        for (Tally tally : tallies) {
            switch (tally.status()) {
                case CONFIRMED -> {
                    sold += tally.passengers();
                    revenue += tally.price();
                }
                case HELD -> held += tally.passengers();
                // An unpaid hold cancelled is refunded in full, so it keeps nothing either.
                case CANCELLED -> revenue += tally.price() - tally.refunded();
                case PAYMENT_FAILED, EXPIRED -> {
                    // never paid
                }
            }
        }
        return new FlightSale(flight.scheduleId(), flight.flightNumber(), flight.origin(), flight.destination(), flight.departureTime(),
                flight.status(), flight.seatCapacity(), Math.toIntExact(sold), Math.toIntExact(held), new Money(revenue, flight.fare().currency()));
    }
}
