package com.msaair.mileage.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.contracts.ConsumerContract;
import com.msaair.mileage.application.ReservationEvent;
import com.msaair.mileage.application.ReservationEventHandler;
import com.msaair.platform.inbox.EventTypes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mileage reads reservation's events as reservation's contract promises them (contracts/events/reservation). */
class ReservationEventsConsumerContractTest {

    private static final String TOPIC = "reservation-events";
    private final List<String> applied = new ArrayList<>();
    private final ReservationEventsConsumer consumer = new ReservationEventsConsumer();

    {
        consumer.reader = new JsonReservationEventReader();
        consumer.handler = new ReservationEventHandler() {
            @Override
            public void applyOrPark(ReservationEvent event) {
                applied.add(switch (event.change()) {
                    case ACCRUE -> "credit " + event.miles() + " to " + event.customerId() + " for " + event.reservationId();
                    case REVERSE -> "reverse " + event.reservationId() + " of " + event.customerId();
                });
            }
        };
    }

    @Test
    void reservationCreated() {
        assertThat(ConsumerContract.verify(TOPIC, ReservationEventHandler.RESERVATION_CREATED, consumer::handle))
                .containsExactly("customerId", "miles", "reservationId");
        assertThat(applied).first().isEqualTo("credit 552 to 5f0c2d8e-7a41-4f0e-9c55-3b8e1d2f6a70 for 1001");
    }

    @Test
    void reservationCancelled() {
        assertThat(ConsumerContract.verify(TOPIC, ReservationEventHandler.RESERVATION_CANCELLED, consumer::handle))
                .containsExactly("customerId", "reservationId");
        assertThat(applied).first().isEqualTo("reverse 1001 of 5f0c2d8e-7a41-4f0e-9c55-3b8e1d2f6a70");
    }

    @Test
    void holdsAndTheirReleaseEarnNothingAndAreIgnoredWithoutATransaction() {
        for (String type : List.of(ReservationEventHandler.RESERVATION_HELD, ReservationEventHandler.RESERVATION_RELEASED)) {
            assertThat(EventTypes.declaredBy(ReservationEventsConsumer.class).of(type)).as(type).isEqualTo(EventTypes.Disposition.IGNORED);
        }
        assertThat(EventTypes.declaredBy(ReservationEventsConsumer.class).handled())
                .containsExactlyInAnyOrder(ReservationEventHandler.RESERVATION_CREATED, ReservationEventHandler.RESERVATION_CANCELLED);
    }

    @Test
    void knowsEveryReservationEventType() {
        ConsumerContract.knowsEveryType(ReservationEventsConsumer.class);
    }
}
