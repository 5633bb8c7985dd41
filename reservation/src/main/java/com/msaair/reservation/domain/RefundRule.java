package com.msaair.reservation.domain;

import com.msaair.platform.domain.Money;
import java.time.Instant;

/**
 * The fare rule for refunds, in one place: a cancellation before departure gives back
 * {@code percentBeforeDeparture} per cent of the price, after departure {@code percentAfterDeparture}
 * (by default 100 and 0: a full refund until departure). A booking the airline cancelled, or one
 * that was never paid (HELD), is refunded in full whatever the rule says.
 */
public record RefundRule(int percentBeforeDeparture, int percentAfterDeparture) {

    public static final RefundRule FULL_UNTIL_DEPARTURE = new RefundRule(100, 0);

    public RefundRule {
        if (percentBeforeDeparture < 0 || percentBeforeDeparture > 100 || percentAfterDeparture < 0 || percentAfterDeparture > 100) {
            throw new IllegalArgumentException("refund percentages are between 0 and 100");
        }
    }

    /** What goes back to the customer of a booking of {@code price} cancelled at {@code now}. */
    public Money refundFor(Money price, ReservationStatus cancelledFrom, CancellationReason reason, Instant departure, Instant now) {
        if (reason == CancellationReason.FLIGHT_CANCELLED || cancelledFrom == ReservationStatus.HELD) {
            return price;
        }
        return price.percent(now.isBefore(departure) ? percentBeforeDeparture : percentAfterDeparture);
    }
}
