package com.msaair.notification.domain;

import com.msaair.platform.domain.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
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

    public static String reservationConfirmed(long reservationId, String flightNumber, Instant departure, int passengers, List<String> seats,
            Money paid) {
        return "Reservation %d is confirmed — flight %s departing %s, %d %s%s, %s paid."
                .formatted(reservationId, flightNumber, DEPARTURE.format(departure), passengers,
                        passengers == 1 ? "passenger" : "passengers", seats.isEmpty() ? "" : " (" + seatList(seats) + ")", amount(paid));
    }

    public static String paymentFailed(long reservationId, String flightNumber, String reason, List<String> seats) {
        return "The payment for reservation %d on flight %s was declined (%s); %s released. You may book again with another payment method."
                .formatted(reservationId, flightNumber, reason.replace('_', ' '), seats.isEmpty() ? "the seats were" : seatsWere(seats));
    }

    public static String holdExpired(long reservationId, String flightNumber, List<String> seats) {
        return "Reservation %d on flight %s was not paid in time; %s released and nothing was charged."
                .formatted(reservationId, flightNumber, seats.isEmpty() ? "the held seats were" : seatsWere(seats));
    }

    private static String seatsWere(List<String> seats) {
        return seatList(seats) + (seats.size() == 1 ? " was" : " were");
    }

    /** "seat 12A", "seats 12A, 12B". */
    static String seatList(List<String> seats) {
        return (seats.size() == 1 ? "seat " : "seats ") + String.join(", ", seats);
    }

    public static String refunded(long reservationId, Money refund) {
        return "%s was refunded for reservation %d.".formatted(amount(refund), reservationId);
    }

    /** An amount as people read it: 250,000 KRW, 12.50 USD (the currency's own minor units). */
    static String amount(Money money) {
        int digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        return String.format(Locale.US, "%,." + digits + "f %s", BigDecimal.valueOf(money.amount(), digits), money.currency());
    }

    public static String reservationCancelled(long reservationId, String flightNumber, String reason, List<String> seats) {
        String freed = seats.isEmpty() ? "" : " " + capitalised(seatList(seats)) + (seats.size() == 1 ? " is" : " are") + " free again.";
        return ("FLIGHT_CANCELLED".equals(reason)
                ? "Reservation %d is cancelled because the airline cancelled flight %s.".formatted(reservationId, flightNumber)
                : "Reservation %d is cancelled.".formatted(reservationId)) + freed;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
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
            case "ReservationReleased" -> "Your MSA Air booking was not completed";
            case "PaymentRefunded" -> "Your MSA Air refund";
            case "MileageIncreased", "MileageDecreased" -> "Your MSA Air miles have changed";
            default -> "News from MSA Air";
        };
    }
}
