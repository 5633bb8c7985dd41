package com.msaair.history.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.history.application.HistoryService;
import com.msaair.history.application.InMemoryTimeline;
import com.msaair.history.domain.EntryKind;
import com.msaair.history.domain.TimelineEntry;
import com.msaair.platform.event.EventEnvelope;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A customer's timeline, built from the events of three topics as the consumers read them: one entry
 * per event that tells the customer something, with its details, in the order things happened. The
 * timeline is kept in memory; the query's own order is the database's (EventFlowIT rebuilds it).
 */
class TimelineTest {

    private static final String KIM = "5f0c2d8e-7a41-4f0e-9c55-3b8e1d2f6a70";
    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

    private final InMemoryTimeline timeline = new InMemoryTimeline();
    private final HistoryService history = timeline.service();
    private final ReservationEventsConsumer reservations = new ReservationEventsConsumer();
    private final MileageEventsConsumer mileage = new MileageEventsConsumer();
    private final PaymentEventsConsumer payments = new PaymentEventsConsumer();
    private int minute;

    TimelineTest() {
        reservations.history = history;
        mileage.history = history;
        payments.history = history;
    }

    /** An event of {@code customer}, a minute after the one before. */
    private EventEnvelope happened(String customer, String type, JsonObjectBuilder data) {
        return new EventEnvelope(UUID.randomUUID(), type, T0.plusSeconds(60L * minute++), "1001", null, customer,
                data.add("customerId", customer).build());
    }

    private static JsonObjectBuilder booking() {
        return Json.createObjectBuilder().add("reservationId", 1001).add("scheduleId", 5).add("flightNumber", "KE1234").add("passengers", 2);
    }

    private static JsonObjectBuilder money(long amount, String currency) {
        return Json.createObjectBuilder().add("amount", amount).add("currency", currency);
    }

    private static JsonObjectBuilder miles(long miles, long balance) {
        return Json.createObjectBuilder().add("reservationId", 1001).add("miles", miles).add("balance", balance);
    }

    @Test
    void aCustomersStoryOneEntryPerEventNewestFirst() {
        EventEnvelope registered = happened(KIM, "CustomerRegistered", Json.createObjectBuilder().add("name", "Kim").add("email", "k@example.com"));
        mileage.handle(registered);
        EventEnvelope booked = happened(KIM, "ReservationCreated", booking().add("departureTime", "2026-12-24T09:00:00Z")
                .add("miles", 552).add("price", money(250_000, "KRW")));
        reservations.handle(booked);
        mileage.handle(happened(KIM, "MileageIncreased", miles(552, 552)));
        reservations.handle(happened(KIM, "ReservationCancelled", booking().add("reason", "CUSTOMER_REQUEST").add("miles", 552)));
        payments.handle(happened(KIM, "PaymentRefunded", Json.createObjectBuilder().add("reservationId", 1001)
                .add("amount", money(200_000, "KRW"))));
        mileage.handle(happened(KIM, "MileageDecreased", miles(552, 0)));
        reservations.handle(happened(KIM, "ReservationReleased", booking().add("status", "EXPIRED").add("reason", "hold_expired")));
        reservations.handle(happened(KIM, "ReservationReleased", booking().add("status", "PAYMENT_FAILED")
                .add("reason", "card_declined")));

        assertThat(history.countOfCustomer(KIM)).isEqualTo(8);
        assertThat(history.ofCustomer(KIM, 0, 20)).extracting(TimelineEntry::kind).containsExactly(EntryKind.PAYMENT_FAILED,
                EntryKind.HOLD_EXPIRED, EntryKind.MILES_REMOVED, EntryKind.REFUNDED, EntryKind.CANCELLED, EntryKind.MILES_ADDED,
                EntryKind.BOOKED, EntryKind.REGISTERED);
        assertThat(history.ofCustomer(KIM, 6, 20)).as("the last page").extracting(TimelineEntry::kind)
                .containsExactly(EntryKind.BOOKED, EntryKind.REGISTERED);

        TimelineEntry booking = history.ofCustomer(KIM, 6, 1).get(0);
        assertThat(booking.eventId()).isEqualTo(booked.eventId().toString());
        assertThat(booking.eventType()).isEqualTo("ReservationCreated");
        assertThat(booking.correlationId()).isEqualTo("1001");
        assertThat(booking.occurredAt()).as("when it happened, not when it was read: a rebuilt view orders the same")
                .isEqualTo(booked.occurredAt());
        assertThat(booking.reservationId()).isEqualTo(1001);
        assertThat(booking.scheduleId()).isEqualTo(5);
        assertThat(booking.flightNumber()).isEqualTo("KE1234");
        assertThat(booking.departureTime()).isEqualTo(Instant.parse("2026-12-24T09:00:00Z"));
        assertThat(booking.passengers()).isEqualTo(2);
        assertThat(booking.miles()).isEqualTo(552);
        assertThat(booking.amount()).isEqualTo(250_000);
        assertThat(booking.currency()).isEqualTo("KRW");
        assertThat(history.ofCustomer(KIM, 7, 1).get(0).reservationId()).as("a registration is about no booking").isNull();
    }

    @Test
    void eachEntryKeepsWhatItsEventToldAndNothingElse() {
        mileage.handle(happened(KIM, "MileageDecreased", miles(552, 1_448)));
        reservations.handle(happened(KIM, "ReservationCancelled", booking().add("reason", "FLIGHT_CANCELLED").add("miles", 552)));
        payments.handle(happened(KIM, "PaymentRefunded", Json.createObjectBuilder().add("reservationId", 1001)
                .add("amount", money(1250, "USD"))));
        reservations.handle(happened(KIM, "ReservationReleased", booking().add("status", "PAYMENT_FAILED")
                .add("reason", "insufficient_funds")));

        var entries = history.ofCustomer(KIM, 0, 10);
        TimelineEntry declined = entries.get(0);
        assertThat(declined.kind()).isEqualTo(EntryKind.PAYMENT_FAILED);
        assertThat(declined.reason()).isEqualTo("insufficient_funds");
        assertThat(declined.amount()).isNull();
        TimelineEntry refunded = entries.get(1);
        assertThat(refunded.amount()).isEqualTo(1250);
        assertThat(refunded.currency()).isEqualTo("USD");
        assertThat(refunded.reservationId()).isEqualTo(1001);
        assertThat(refunded.flightNumber()).as("a refund event names no flight").isNull();
        TimelineEntry cancelled = entries.get(2);
        assertThat(cancelled.reason()).isEqualTo("FLIGHT_CANCELLED");
        assertThat(cancelled.miles()).isEqualTo(552);
        assertThat(cancelled.balanceAfter()).isNull();
        TimelineEntry removed = entries.get(3);
        assertThat(removed.kind()).isEqualTo(EntryKind.MILES_REMOVED);
        assertThat(removed.miles()).isEqualTo(552);
        assertThat(removed.balanceAfter()).isEqualTo(1_448);
    }

    @Test
    void aTimelineIsItsCustomersOwn() {
        String lee = "c-lee";
        mileage.handle(happened(KIM, "CustomerRegistered", Json.createObjectBuilder().add("name", "Kim").add("email", "k@example.com")));
        mileage.handle(happened(lee, "CustomerRegistered", Json.createObjectBuilder().add("name", "Lee").add("email", "l@example.com")));
        mileage.handle(happened(lee, "MileageIncreased", miles(100, 100)));

        assertThat(history.ofCustomer(KIM, 0, 10)).extracting(TimelineEntry::customerId).containsExactly(KIM);
        assertThat(history.countOfCustomer(lee)).isEqualTo(2);
    }
}
