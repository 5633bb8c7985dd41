package com.msaair.notification.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words customers read, one sentence per kind of event. */
public final class Messages {

    private static final DateTimeFormatter DEPARTURE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Messages() {}

    public static String reservationConfirmed(long customerId, long reservationId, String flightNumber, Instant departure, int passengers) {
        return "Customer %d: reservation %d is confirmed — flight %s departing %s, %d %s."
                .formatted(customerId, reservationId, flightNumber, DEPARTURE.format(departure), passengers,
                        passengers == 1 ? "passenger" : "passengers");
    }

    public static String reservationCancelled(long customerId, long reservationId, String flightNumber, String reason) {
        return "FLIGHT_CANCELLED".equals(reason)
                ? "Customer %d: reservation %d is cancelled because the airline cancelled flight %s.".formatted(customerId, reservationId, flightNumber)
                : "Customer %d: reservation %d is cancelled.".formatted(customerId, reservationId);
    }

    public static String milesAdded(long customerId, long miles, long balance) {
        return String.format(Locale.US, "Customer %d: %,d miles added, balance %,d.", customerId, miles, balance);
    }

    public static String milesRemoved(long customerId, long miles, long balance) {
        return String.format(Locale.US, "Customer %d: %,d miles removed, balance %,d.", customerId, miles, balance);
    }

    /** The e-mail subject for a notification about {@code eventType}. */
    public static String subject(String eventType) {
        return switch (eventType) {
            case "ReservationCreated" -> "Your MSA Air reservation is confirmed";
            case "ReservationCancelled" -> "Your MSA Air reservation is cancelled";
            case "MileageIncreased", "MileageDecreased" -> "Your MSA Air miles have changed";
            default -> "News from MSA Air";
        };
    }
}
