package com.msaair.notification.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.notification.application.InMemoryNotifications;
import com.msaair.notification.domain.Notification;
import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.testing.SteppingClock;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What each event tells its customer: one notification per event, in the customer's words. The
 * events are read by the consumer as they come off the topics; the notifications are kept in memory.
 */
class NotificationPerEventTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final String KIM = "5f0c2d8e-7a41-4f0e-9c55-3b8e1d2f6a70";

    private final InMemoryNotifications notifications = new InMemoryNotifications();
    private final ReservationEventsConsumer reservations = new ReservationEventsConsumer();
    private final MileageEventsConsumer mileage = new MileageEventsConsumer();
    private final PaymentEventsConsumer payments = new PaymentEventsConsumer();

    NotificationPerEventTest() {
        reservations.notifications = notifications.service(new SteppingClock(NOW), true);
        mileage.notifications = reservations.notifications;
        payments.notifications = reservations.notifications;
    }

    private static EventEnvelope event(String type, JsonObjectBuilder data) {
        return new EventEnvelope(UUID.randomUUID(), type, NOW, "1001", null, KIM, data.add("customerId", KIM).build());
    }

    private static JsonObjectBuilder booking() {
        return Json.createObjectBuilder().add("reservationId", 1001).add("scheduleId", 5).add("flightNumber", "KE1234").add("passengers", 2);
    }

    private String told(Consumer<EventEnvelope> consumer, EventEnvelope event) {
        int before = notifications.all().size();
        consumer.accept(event);
        assertThat(notifications.all()).as("one notification per event").hasSize(before + 1);
        Notification notification = notifications.all().get(before);
        assertThat(notification.customerId()).isEqualTo(KIM);
        assertThat(notification.eventId()).isEqualTo(event.eventId().toString());
        assertThat(notification.eventType()).isEqualTo(event.eventType());
        return notification.message();
    }

    @Test
    void aConfirmedBookingWithWhatWasPaid() {
        assertThat(told(reservations::handle, event("ReservationCreated", booking()
                .add("departureTime", "2026-12-24T09:00:00Z").add("miles", 552)
                .add("price", Json.createObjectBuilder().add("amount", 250_000).add("currency", "KRW")))))
                .isEqualTo("Reservation 1001 is confirmed — flight KE1234 departing 2026-12-24 09:00 UTC, 2 passengers, 250,000 KRW paid.");
    }

    @Test
    void aHoldThatEndedUnpaidSaysWhy() {
        assertThat(told(reservations::handle, event("ReservationReleased", booking().add("status", "PAYMENT_FAILED")
                .add("reason", "insufficient_funds"))))
                .isEqualTo("The payment for reservation 1001 on flight KE1234 was declined (insufficient funds); the seats were released."
                        + " You may book again with another payment method.");
        assertThat(told(reservations::handle, event("ReservationReleased", booking().add("status", "EXPIRED")
                .add("reason", "hold_expired"))))
                .isEqualTo("Reservation 1001 on flight KE1234 was not paid in time; the held seats were released and nothing was charged.");
    }

    @Test
    void aCancellationSaysWhenTheAirlineCancelledTheFlight() {
        assertThat(told(reservations::handle, event("ReservationCancelled", booking().add("reason", "FLIGHT_CANCELLED").add("miles", 552))))
                .isEqualTo("Reservation 1001 is cancelled because the airline cancelled flight KE1234.");
        assertThat(told(reservations::handle, event("ReservationCancelled", booking().add("reason", "CUSTOMER_REQUEST").add("miles", 552))))
                .isEqualTo("Reservation 1001 is cancelled.");
    }

    @Test
    void aRefundInTheCurrencysOwnMinorUnits() {
        assertThat(told(payments::handle, event("PaymentRefunded", Json.createObjectBuilder().add("reservationId", 1001)
                .add("amount", Json.createObjectBuilder().add("amount", 1250).add("currency", "USD")))))
                .isEqualTo("12.50 USD was refunded for reservation 1001.");
        assertThat(told(payments::handle, event("PaymentRefunded", Json.createObjectBuilder().add("reservationId", 1001)
                .add("amount", Json.createObjectBuilder().add("amount", 1_500).add("currency", "JPY")))))
                .isEqualTo("1,500 JPY was refunded for reservation 1001.");
    }

    @Test
    void milesAddedAndRemovedWithTheBalance() {
        JsonObjectBuilder change = Json.createObjectBuilder().add("reservationId", 1001).add("miles", 12_000).add("balance", 15_500);
        assertThat(told(mileage::handle, event("MileageIncreased", change))).isEqualTo("12,000 miles added, balance 15,500.");
        change = Json.createObjectBuilder().add("reservationId", 1001).add("miles", 12_000).add("balance", 3_500);
        assertThat(told(mileage::handle, event("MileageDecreased", change))).isEqualTo("12,000 miles removed, balance 3,500.");
    }

    @Test
    void aRegistrationIsNoNotificationButTellsHowToReachTheCustomer() {
        mileage.handle(event("CustomerRegistered", Json.createObjectBuilder().add("name", "Kim Minji").add("email", "minji@example.com")));

        assertThat(notifications.all()).isEmpty();
        assertThat(notifications.contact(KIM)).hasValueSatisfying(contact -> assertThat(contact.email()).isEqualTo("minji@example.com"));
    }
}
