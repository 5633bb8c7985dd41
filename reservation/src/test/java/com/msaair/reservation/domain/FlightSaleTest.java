package com.msaair.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.platform.domain.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlightSaleTest {

    private static final Instant DEPARTURE = Instant.parse("2027-03-01T09:00:00Z");
    private static final FlightFacts FLIGHT = new FlightFacts(7, "KE1234", "ICN", "CJU", DEPARTURE, DEPARTURE.plusSeconds(4200), "A321",
            SeatLayout.of(30, "ABCDEF", List.of("C|D"), 180), 1000,
            new Money(125_000, "KRW"), FlightStatus.SCHEDULED);

    @Test
    void confirmedSeatsAreSoldHeldOnesAreHeldAndRevenueIsWhatWasPaidAndKept() {
        FlightSale sale = FlightSale.of(FLIGHT, List.of(
                new FlightSale.Tally(ReservationStatus.CONFIRMED, 4, 500_000, 0),
                new FlightSale.Tally(ReservationStatus.HELD, 2, 250_000, 0),
                // one paid booking of 2 refunded half, one unpaid hold cancelled (refunded in full)
                new FlightSale.Tally(ReservationStatus.CANCELLED, 3, 375_000, 125_000 + 125_000),
                new FlightSale.Tally(ReservationStatus.PAYMENT_FAILED, 5, 625_000, 0),
                new FlightSale.Tally(ReservationStatus.EXPIRED, 1, 125_000, 0)));
        assertThat(sale.seatsSold()).isEqualTo(4);
        assertThat(sale.seatsHeld()).as("awaiting payment: not sold yet").isEqualTo(2);
        assertThat(sale.revenue()).as("confirmed 500,000 + kept of the cancelled 125,000; declined and expired never paid")
                .isEqualTo(new Money(625_000, "KRW"));
        assertThat(sale.loadFactorPercent()).as("4 of 180 seats, rounded down").isEqualTo(2);
    }

    @Test
    void aFlightNobodyBookedHasSoldNothingInItsFaresCurrency() {
        FlightSale sale = FlightSale.of(FLIGHT, List.of());
        assertThat(sale.seatsSold()).isZero();
        assertThat(sale.seatsHeld()).isZero();
        assertThat(sale.revenue()).isEqualTo(new Money(0, "KRW"));
        assertThat(sale.loadFactorPercent()).isZero();
        assertThat(sale.flightNumber()).isEqualTo("KE1234");
    }
}
