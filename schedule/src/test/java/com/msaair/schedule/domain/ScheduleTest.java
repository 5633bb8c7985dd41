package com.msaair.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Instant DEPARTURE = Instant.parse("2026-12-24T23:30:00Z");
    private static final FlightNumber KE1234 = new FlightNumber("KE1234");
    private static final Airport ICN = new Airport("ICN");
    private static final Airport CJU = new Airport("CJU");

    private static Schedule register(Airport from, Airport to, Instant departure, Instant arrival, int seats, int miles) {
        return Schedule.register(KE1234, from, to, departure, arrival, AircraftTypes.GENERIC, seats, miles, new Fare(125_000, "KRW"), NOW);
    }

    @Test
    void aRegisteredFlightIsScheduledOnTheUtcDayOfItsDeparture() {
        Schedule schedule = register(ICN, CJU, DEPARTURE, DEPARTURE.plusSeconds(4200), 180, 1000);
        assertThat(schedule.status()).isEqualTo(ScheduleStatus.SCHEDULED);
        assertThat(schedule.departureDate()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(schedule.registeredAt()).isEqualTo(NOW);
        assertThat(schedule.fare()).isEqualTo(new Fare(125_000, "KRW"));
    }

    @Test
    void aFareIsAPositiveWholeNumberOfMinorUnitsInACurrencyMoneyIsPaidIn() {
        assertThat(new Fare(12_550, "USD").amount()).isEqualTo(12_550);
        assertThat(new Fare(1, "JPY").currency()).isEqualTo("JPY");
        for (long amount : new long[] {0, -1, Fare.MAX_AMOUNT + 1}) {
            assertThatThrownBy(() -> new Fare(amount, "KRW")).isInstanceOf(IllegalArgumentException.class);
        }
        for (String currency : new String[] {null, "", "krw", "KRWX", "ABC", "XXX", "XAU", "XTS"}) {
            assertThatThrownBy(() -> new Fare(100, currency)).as(currency).isInstanceOf(IllegalArgumentException.class);
        }
        assertField(() -> Schedule.register(KE1234, ICN, CJU, DEPARTURE, DEPARTURE.plusSeconds(60), AircraftTypes.GENERIC, 10, 10, null, NOW), "fare");
    }

    @Test
    void theRulesNameTheFieldTheyAreAbout() {
        assertField(() -> register(ICN, ICN, DEPARTURE, DEPARTURE.plusSeconds(60), 10, 10), "destination");
        assertField(() -> register(ICN, CJU, NOW, NOW.plusSeconds(60), 10, 10), "departureTime");
        assertField(() -> register(ICN, CJU, DEPARTURE, DEPARTURE, 10, 10), "arrivalTime");
        assertField(() -> register(ICN, CJU, DEPARTURE, DEPARTURE.plusSeconds(25 * 3600), 10, 10), "arrivalTime");
        assertField(() -> register(ICN, CJU, DEPARTURE, DEPARTURE.plusSeconds(60), 0, 10), "seatCapacity");
        assertField(() -> register(ICN, CJU, DEPARTURE, DEPARTURE.plusSeconds(60), 901, 10), "seatCapacity");
        assertField(() -> register(ICN, CJU, DEPARTURE, DEPARTURE.plusSeconds(60), 10, 0), "miles");
        assertField(() -> Schedule.register(KE1234, ICN, CJU, DEPARTURE, DEPARTURE.plusSeconds(60), "A999", 180, 10, new Fare(1, "KRW"), NOW),
                "aircraftType");
        assertField(() -> Schedule.register(KE1234, ICN, CJU, DEPARTURE, DEPARTURE.plusSeconds(60), "A321", 179, 10, new Fare(1, "KRW"), NOW),
                "seatCapacity");
    }

    @Test
    void aFlightKeepsTheSeatMapOfItsAircraftType() {
        Schedule a321 = Schedule.register(KE1234, ICN, CJU, DEPARTURE, DEPARTURE.plusSeconds(4200), "A321", 180, 1000, new Fare(1, "KRW"), NOW);
        assertThat(a321.aircraftType()).isEqualTo("A321");
        assertThat(a321.seatMap()).isEqualTo(new SeatMap(30, "ABCDEF", List.of("C|D")));
        Schedule generic = register(ICN, CJU, DEPARTURE, DEPARTURE.plusSeconds(4200), 10, 1000);
        assertThat(generic.seatMap()).as("rows of six, the last row shorter").isEqualTo(new SeatMap(2, "ABCDEF", List.of("C|D")));
    }

    @Test
    void aFlightIsCancelledOnceAndNeverAfterDeparture() {
        Schedule schedule = register(ICN, CJU, DEPARTURE, DEPARTURE.plusSeconds(4200), 180, 1000);
        schedule.cancel(NOW);
        assertThat(schedule.status()).isEqualTo(ScheduleStatus.CANCELLED);
        assertThat(schedule.cancelledAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> schedule.cancel(NOW)).isInstanceOfSatisfying(ScheduleException.class,
                e -> assertThat(e.code()).isEqualTo("schedule-cancelled"));

        Schedule departed = register(ICN, CJU, DEPARTURE, DEPARTURE.plusSeconds(4200), 180, 1000);
        assertThatThrownBy(() -> departed.cancel(DEPARTURE.plusSeconds(1))).isInstanceOfSatisfying(ScheduleException.class,
                e -> assertThat(e.code()).isEqualTo("schedule-departed"));
    }

    @Test
    void flightNumbersAndAirportsAreValidatedValues() {
        assertThat(new FlightNumber("7C101A").value()).isEqualTo("7C101A");
        assertThatThrownBy(() -> new FlightNumber("KE12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlightNumber("ke123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Airport("ICNN")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Airport("GMP")).isEqualTo(new Airport("GMP"));
    }

    @Test
    void theRulesAtTheirEdges() {
        assertThat(register(ICN, CJU, NOW.plusSeconds(1), NOW.plusSeconds(2), 1, 1).departureTime()).isEqualTo(NOW.plusSeconds(1));
        assertThat(register(ICN, CJU, DEPARTURE, DEPARTURE.plus(Schedule.MAX_FLIGHT_TIME), Schedule.MAX_SEAT_CAPACITY, 1).seatCapacity())
                .as("a flight of exactly 24 hours, the largest aircraft").isEqualTo(900);
        assertField(() -> register(ICN, CJU, DEPARTURE, DEPARTURE.plus(Schedule.MAX_FLIGHT_TIME).plusSeconds(1), 10, 10), "arrivalTime");
        assertThat(new Fare(Fare.MAX_AMOUNT, "KRW").amount()).isEqualTo(Fare.MAX_AMOUNT);
        assertThat(Fare.knownCurrency("USD")).map(java.util.Currency::getDefaultFractionDigits).contains(2);
        assertThat(Fare.knownCurrency("XAU")).as("gold has no minor units").isEmpty();
    }

    @Test
    void aFlightMayBeCancelledUntilTheMomentItDeparts() {
        Schedule lastMinute = register(ICN, CJU, DEPARTURE, DEPARTURE.plusSeconds(4200), 180, 1000);
        lastMinute.cancel(DEPARTURE.minusSeconds(1));
        assertThat(lastMinute.status()).isEqualTo(ScheduleStatus.CANCELLED);

        Schedule departing = register(ICN, CJU, DEPARTURE, DEPARTURE.plusSeconds(4200), 180, 1000);
        assertThatThrownBy(() -> departing.cancel(DEPARTURE)).isInstanceOfSatisfying(ScheduleException.class,
                e -> assertThat(e.code()).isEqualTo("schedule-departed"));
        assertThat(departing.status()).isEqualTo(ScheduleStatus.SCHEDULED);
        assertThat(departing.cancelledAt()).isNull();
    }

    private static void assertField(Runnable rule, String field) {
        assertThatThrownBy(rule::run).isInstanceOfSatisfying(ScheduleException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.kind()).isEqualTo(com.msaair.platform.domain.DomainException.Kind.UNPROCESSABLE);
        });
    }
}
