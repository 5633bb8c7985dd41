package com.msaair.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.contracts.EventContracts;
import com.msaair.contracts.ProducerContract;
import org.junit.jupiter.api.Test;

/** What reservation publishes is what its AsyncAPI document says (contracts/events/reservation). */
class ReservationEventsContractTest {

    @Test
    void everyEventTypeOfTheTopicIsInTheContract() {
        assertThat(EventContracts.get().eventTypes(ReservationEvents.TOPIC))
                .containsExactlyInAnyOrder(ReservationEvents.RESERVATION_HELD, ReservationEvents.RESERVATION_CREATED,
                        ReservationEvents.RESERVATION_RELEASED, ReservationEvents.RESERVATION_CANCELLED);
    }

    @Test
    void payloadsWriteWhatTheSchemasAllow() {
        ProducerContract.assertPayloadRecordMatches(ReservationEvents.TOPIC, ReservationEvents.RESERVATION_CREATED,
                ReservationEvents.ReservationCreated.class);
        ProducerContract.assertPayloadRecordMatches(ReservationEvents.TOPIC, ReservationEvents.RESERVATION_CANCELLED,
                ReservationEvents.ReservationCancelled.class);
        ProducerContract.assertPayloadRecordMatches(ReservationEvents.TOPIC, ReservationEvents.RESERVATION_HELD,
                ReservationEvents.ReservationHeld.class);
        ProducerContract.assertPayloadRecordMatches(ReservationEvents.TOPIC, ReservationEvents.RESERVATION_RELEASED,
                ReservationEvents.ReservationReleased.class);
    }
}
