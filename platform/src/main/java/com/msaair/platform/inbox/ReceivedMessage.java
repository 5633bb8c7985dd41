package com.msaair.platform.inbox;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A Kafka record as it arrived, bytes and all: consumers deserialise keys and values as bytes, so
 * that what is not UTF-8 is seen as such (a String deserialiser would have replaced it silently) and
 * a parked copy can carry the original bytes.
 */
public record ReceivedMessage(String topic, int partition, long offset, byte[] key, byte[] value, List<RawHeader> headers) {

    /** One Kafka header; Kafka allows a name more than once, and any bytes as the value. */
    public record RawHeader(String name, byte[] value) {}

    static ReceivedMessage of(ConsumerRecord<byte[], byte[]> record) {
        List<RawHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new RawHeader(header.key(), header.value()));
        }
        return new ReceivedMessage(record.topic(), record.partition(), record.offset(), record.key(), record.value(), headers);
    }

    /** The value as UTF-8 text; empty when there is no value or it is not valid UTF-8. */
    public Optional<String> text() {
        return utf8(value);
    }

    public Optional<String> keyText() {
        return utf8(key);
    }

    /** The headers that are UTF-8 text, by name (the last one of a name wins), e.g. to read a trace context. */
    public java.util.Map<String, String> textHeaders() {
        java.util.Map<String, String> text = new java.util.LinkedHashMap<>();
        for (RawHeader header : headers) {
            utf8(header.value()).ifPresent(value -> text.put(header.name(), value));
        }
        return text;
    }

    /** The value's length in bytes. */
    public int size() {
        return value == null ? 0 : value.length;
    }

    public String coordinates() {
        return topic + "/" + partition + "/" + offset;
    }

    static Optional<String> utf8(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
