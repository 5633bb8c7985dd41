package com.msaair.notification.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.contracts.ConsumerContract;
import com.msaair.platform.inbox.EventTypes;
import com.msaair.notification.application.NotificationService;
import com.msaair.platform.event.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notification reads reservation's and mileage's events as their contracts promise them (contracts/events). */
class ConsumersContractTest {

    private final List<String> told = new ArrayList<>();
    private final ReservationEventsConsumer reservations = new ReservationEventsConsumer();
    private final MileageEventsConsumer mileage = new MileageEventsConsumer();
    private final PaymentEventsConsumer payments = new PaymentEventsConsumer();

    {
        NotificationService service = new NotificationService() {
            @Override
            public void notify(EventEnvelope event, String customerId, String message) {
                told.add(customerId + ": " + message);
            }

            @Override
            public void contactRegistered(String customerId, String name, String email) {
                told.add(customerId + " is " + name + " <" + email + ">");
            }
        };
        reservations.notifications = service;
        mileage.notifications = service;
        payments.notifications = service;
    }

    @Test
    void reservationCreated() {
        assertThat(ConsumerContract.verify("reservation-events", "ReservationCreated", reservations::handle))
                .containsExactly("customerId", "departureTime", "flightNumber", "passengers", "price", "reservationId");
        assertThat(told).first().asString().contains("Reservation 1001", "KE1234", "(seats 12A, 12B)", "250,000 KRW paid");
    }

    @Test
    void reservationCancelled() {
        assertThat(ConsumerContract.verify("reservation-events", "ReservationCancelled", reservations::handle))
                .containsExactly("customerId", "flightNumber", "reason", "reservationId");
    }

    @Test
    void aHeldBookingIsNotToldButItsEndIs() {
        assertThat(EventTypes.declaredBy(ReservationEventsConsumer.class).of("ReservationHeld")).isEqualTo(EventTypes.Disposition.IGNORED);
        assertThat(ConsumerContract.verify("reservation-events", "ReservationReleased", reservations::handle))
                .containsExactly("customerId", "flightNumber", "reason", "reservationId", "status");
        assertThat(told).first().asString().contains("reservation 1003", "declined (insufficient funds)");
        assertThat(told).anySatisfy(message -> assertThat(message).contains("Reservation 1004", "not paid in time"));
    }

    @Test
    void aRefundIsToldACaptureOrDeclineIsNot() {
        assertThat(ConsumerContract.verify("payment-events", "PaymentRefunded", payments::handle))
                .containsExactly("amount", "customerId", "reservationId");
        assertThat(told).first().asString().endsWith("250,000 KRW was refunded for reservation 1001.");
        for (String type : List.of("PaymentCaptured", "PaymentDeclined")) {
            assertThat(EventTypes.declaredBy(PaymentEventsConsumer.class).of(type)).as(type).isEqualTo(EventTypes.Disposition.IGNORED);
        }
    }

    @Test
    void mileageChanged() {
        for (String type : List.of("MileageIncreased", "MileageDecreased")) {
            assertThat(ConsumerContract.verify("mileage-events", type, mileage::handle))
                    .containsExactly("balance", "customerId", "miles");
        }
        assertThat(told).first().asString().contains("552");
    }

    @Test
    void customerRegistered() {
        assertThat(ConsumerContract.verify("mileage-events", "CustomerRegistered", mileage::handle))
                .containsExactly("customerId", "email", "name");
        assertThat(told).first().isEqualTo("5f0c2d8e-7a41-4f0e-9c55-3b8e1d2f6a70 is Kim Minji <minji@example.com>");
    }

    @Test
    void knowsEveryEventTypeOfItsTopics() {
        ConsumerContract.knowsEveryType(ReservationEventsConsumer.class);
        ConsumerContract.knowsEveryType(MileageEventsConsumer.class);
        ConsumerContract.knowsEveryType(PaymentEventsConsumer.class);
    }
}
