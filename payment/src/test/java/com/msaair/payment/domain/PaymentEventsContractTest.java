package com.msaair.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.contracts.EventContracts;
import com.msaair.contracts.ProducerContract;
import org.junit.jupiter.api.Test;

/** What payment publishes is what its AsyncAPI document says (contracts/events/payment). */
class PaymentEventsContractTest {

    @Test
    void everyEventTypeOfTheTopicIsInTheContract() {
        assertThat(EventContracts.get().eventTypes(PaymentEvents.TOPIC))
                .containsExactlyInAnyOrder(PaymentEvents.PAYMENT_CAPTURED, PaymentEvents.PAYMENT_DECLINED, PaymentEvents.PAYMENT_REFUNDED);
    }

    @Test
    void payloadsWriteWhatTheSchemasAllow() {
        ProducerContract.assertPayloadRecordMatches(PaymentEvents.TOPIC, PaymentEvents.PAYMENT_CAPTURED, PaymentEvents.PaymentCaptured.class);
        ProducerContract.assertPayloadRecordMatches(PaymentEvents.TOPIC, PaymentEvents.PAYMENT_DECLINED, PaymentEvents.PaymentDeclined.class);
        ProducerContract.assertPayloadRecordMatches(PaymentEvents.TOPIC, PaymentEvents.PAYMENT_REFUNDED, PaymentEvents.PaymentRefunded.class);
    }
}
