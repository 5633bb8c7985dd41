package com.msaair.mileage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.contracts.EventContracts;
import com.msaair.contracts.ProducerContract;
import org.junit.jupiter.api.Test;

/** What mileage publishes is what its AsyncAPI document says (contracts/events/mileage). */
class MileageEventsContractTest {

    @Test
    void everyEventTypeOfTheTopicIsInTheContract() {
        assertThat(EventContracts.get().eventTypes(MileageEvents.TOPIC))
                .containsExactly(MileageEvents.MILEAGE_INCREASED, MileageEvents.MILEAGE_DECREASED, MileageEvents.CUSTOMER_REGISTERED);
    }

    @Test
    void payloadsWriteWhatTheSchemasAllow() {
        ProducerContract.assertPayloadRecordMatches(MileageEvents.TOPIC, MileageEvents.MILEAGE_INCREASED, MileageEvents.MileageIncreased.class);
        ProducerContract.assertPayloadRecordMatches(MileageEvents.TOPIC, MileageEvents.MILEAGE_DECREASED, MileageEvents.MileageDecreased.class);
        ProducerContract.assertPayloadRecordMatches(MileageEvents.TOPIC, MileageEvents.CUSTOMER_REGISTERED, MileageEvents.CustomerRegistered.class);
    }
}
