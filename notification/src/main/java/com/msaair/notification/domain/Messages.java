package com.msaair.notification.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words customers read, one sentence per kind of event. They name no customer id: a notification
 * is the customer's own, and their id is an opaque string of the identity provider.
 */
public final class Messages {

    private static final DateTimeFormatter DEPARTURE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Messages() {}

    public static String reservationConfirmed(long reservationId, String flightNumber, Instant departure, int passengers) {
        return "Reservation %d is confirmed — flight %s departing %s, %d %s."
                .formatted(reservationId, flightNumber, DEPARTURE.format(departure), passengers,
                        passengers == 1 ? "passenger" : "passengers");
    }

    public static String reservationCancelled(long reservationId, String flightNumber, String reason) {
        return "FLIGHT_CANCELLED".equals(reason)
                ? "Reservation %d is cancelled because the airline cancelled flight %s.".formatted(reservationId, flightNumber)
                : "Reservation %d is cancelled.".formatted(reservationId);
    }

    public static String milesAdded(long miles, long balance) {
        return String.format(Locale.US, "%,d miles added, balance %,d.", miles, balance);
    }

    public static String milesRemoved(long miles, long balance) {
        return String.format(Locale.US, "%,d miles removed, balance %,d.", miles, balance);
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
