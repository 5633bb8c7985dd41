package com.msaair.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.contracts.EventContracts;
import com.msaair.contracts.ProducerContract;
import org.junit.jupiter.api.Test;

/** What schedule publishes is what its AsyncAPI document says (contracts/events/schedule). */
class ScheduleEventsContractTest {

    @Test
    void everyEventTypeOfTheTopicIsInTheContract() {
        assertThat(EventContracts.get().eventTypes(ScheduleEvents.TOPIC))
                .containsExactly(ScheduleEvents.SCHEDULE_CREATED, ScheduleEvents.SCHEDULE_CANCELLED);
    }

    @Test
    void payloadsWriteWhatTheSchemasAllow() {
        ProducerContract.assertPayloadRecordMatches(ScheduleEvents.TOPIC, ScheduleEvents.SCHEDULE_CREATED, ScheduleEvents.ScheduleCreated.class);
        ProducerContract.assertPayloadRecordMatches(ScheduleEvents.TOPIC, ScheduleEvents.SCHEDULE_CANCELLED, ScheduleEvents.ScheduleCancelled.class);
    }
}
