package com.msaair.schedule.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A flight on a given day: the aggregate an airline manager registers and may cancel. A cancelled
 * schedule is kept (with its status) so bookings and history can still refer to it.
 */
public class Schedule {

    public static final int MAX_SEAT_CAPACITY = 900;
    /** Long enough for any non-stop flight in service; anything longer is a typing mistake. */
    public static final Duration MAX_FLIGHT_TIME = Duration.ofHours(24);

    private Long id;
    private FlightNumber flightNumber;
    private Airport origin;
    private Airport destination;
    private Instant departureTime;
    private Instant arrivalTime;
    private LocalDate departureDate;
    private int seatCapacity;
    /** The aircraft type and the seat map it gave the flight (rows, and the letters with a | for each aisle). */
    private String aircraftType;
    private int seatRows;
    private String seatPattern;
    private int miles;
    /** The fare per seat, stored as its two columns (see orm.xml); {@link #fare()} is the value. */
    private long fareAmount;
    private String fareCurrency;
    private ScheduleStatus status;
    private Instant registeredAt;
    private Instant cancelledAt;
    private long version;

    protected Schedule() {
        // for the persistence adapter
    }

    private Schedule(FlightNumber flightNumber, Airport origin, Airport destination, Instant departureTime,
            Instant arrivalTime, String aircraftType, SeatMap seatMap, int seatCapacity, int miles, Fare fare, Instant registeredAt) {
        this.flightNumber = flightNumber;
        this.origin = origin;
        this.destination = destination;
        this.departureTime = departureTime;
        this.arrivalTime = arrivalTime;
        this.departureDate = departureDateOf(departureTime);
        this.seatCapacity = seatCapacity;
        this.aircraftType = aircraftType;
        this.seatRows = seatMap.rows();
        this.seatPattern = seatMap.pattern();
        this.miles = miles;
        this.fareAmount = fare.amount();
        this.fareCurrency = fare.currency();
        this.status = ScheduleStatus.SCHEDULED;
        this.registeredAt = registeredAt;
    }

    /**
     * Registers a flight, enforcing the rules that hold whatever else is scheduled. Its seats are
     * {@code aircraftType}'s seat map, whose seats {@code seatCapacity} must be; a GENERIC flight's
     * map is made of its capacity (see {@link AircraftTypes}).
     */
    public static Schedule register(FlightNumber flightNumber, Airport origin, Airport destination,
            Instant departureTime, Instant arrivalTime, String aircraftType, int seatCapacity, int miles, Fare fare, Instant now) {
        if (origin.equals(destination)) {
            throw ScheduleException.invalid("destination", "destination must differ from origin");
        }
        if (!departureTime.isAfter(now)) {
            throw ScheduleException.invalid("departureTime", "departureTime must be in the future");
        }
        if (!arrivalTime.isAfter(departureTime)) {
            throw ScheduleException.invalid("arrivalTime", "arrivalTime must be after departureTime");
        }
        if (Duration.between(departureTime, arrivalTime).compareTo(MAX_FLIGHT_TIME) > 0) {
            throw ScheduleException.invalid("arrivalTime", "a flight may take at most " + MAX_FLIGHT_TIME.toHours() + " hours");
        }
        if (seatCapacity < 1 || seatCapacity > MAX_SEAT_CAPACITY) {
            throw ScheduleException.invalid("seatCapacity", "seatCapacity must be between 1 and " + MAX_SEAT_CAPACITY);
        }
        if (!AircraftTypes.isKnown(aircraftType)) {
            throw ScheduleException.invalid("aircraftType", "aircraftType must be one of " + AircraftTypes.codes());
        }
        SeatMap seatMap = AircraftTypes.seatMapFor(aircraftType, seatCapacity);
        if (!seatMap.holds(seatCapacity) || !AircraftTypes.GENERIC.equals(aircraftType) && seatCapacity != seatMap.seatCount()) {
            throw ScheduleException.invalid("seatCapacity", "an aircraft of type " + aircraftType + " has " + seatMap.seatCount() + " seats, not " + seatCapacity);
        }
        if (miles < 1) {
            throw ScheduleException.invalid("miles", "miles must be positive");
        }
        if (fare == null) {
            throw ScheduleException.invalid("fare", "fare is required");
        }
        return new Schedule(flightNumber, origin, destination, departureTime, arrivalTime, aircraftType, seatMap, seatCapacity, miles, fare,
                now);
    }

    /** Cancels the flight; bookings on it are cancelled by the reservation service when it hears of it. */
    public void cancel(Instant now) {
        if (status == ScheduleStatus.CANCELLED) {
            throw ScheduleException.alreadyCancelled(id);
        }
        if (!departureTime.isAfter(now)) {
            throw ScheduleException.alreadyDeparted(id);
        }
        status = ScheduleStatus.CANCELLED;
        cancelledAt = now;
    }

    /** The calendar day (UTC) a flight number may be scheduled on only once. */
    public static LocalDate departureDateOf(Instant departureTime) {
        return departureTime.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    public Fare fare() {
        return new Fare(fareAmount, fareCurrency);
    }

    public Long id() {
        return id;
    }

    public FlightNumber flightNumber() {
        return flightNumber;
    }

    public Airport origin() {
        return origin;
    }

    public Airport destination() {
        return destination;
    }

    public Instant departureTime() {
        return departureTime;
    }

    public Instant arrivalTime() {
        return arrivalTime;
    }

    public LocalDate departureDate() {
        return departureDate;
    }

    public int seatCapacity() {
        return seatCapacity;
    }

    public String aircraftType() {
        return aircraftType;
    }

    public SeatMap seatMap() {
        return SeatMap.ofPattern(seatRows, seatPattern);
    }

    public int miles() {
        return miles;
    }

    public ScheduleStatus status() {
        return status;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }
}
