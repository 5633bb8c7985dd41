package com.msaair.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class OutboxRecordTest {

    @Test
    void anOutboxRowBecomesARecordWithItsTopicKeyPayloadAndHeaders() {
        OutboxMessage row = new OutboxMessage("reservation-events", "42", "{\"x\":1}",
                "{\"eventType\":\"ReservationCreated\",\"dlt.reason\":\"ünïcode reason\"}", Instant.now());

        ProducerRecord<String, String> record = OutboxRelay.toRecord(row);

        assertThat(record.topic()).isEqualTo("reservation-events");
        assertThat(record.key()).isEqualTo("42");
        assertThat(record.value()).isEqualTo("{\"x\":1}");
        assertThat(record.partition()).as("the partition follows from the key").isNull();
        assertThat(new String(record.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8)).isEqualTo("ReservationCreated");
        assertThat(new String(record.headers().lastHeader("dlt.reason").value(), StandardCharsets.UTF_8)).isEqualTo("ünïcode reason");
    }
}
