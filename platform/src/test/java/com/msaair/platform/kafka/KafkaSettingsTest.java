package com.msaair.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/** Kafka client properties come from MicroProfile Config, files and environment variables alike; what the code relies on is fixed. */
class KafkaSettingsTest {

    /** Properties files and the environment, as MicroProfile Config sees them: an environment variable wins for its dotted name. */
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final KafkaSettings settings = new KafkaSettings(new MapConfig());

    @Test
    void consumerPropertiesComeFromTheFilesAndTheEnvironmentWhichWins() {
        files.put("msaair.kafka.bootstrap.servers", "kafka:9092");
        files.put("msaair.consumer.kafka.group.id", "mileage");
        files.put("msaair.consumer.kafka.session.timeout.ms", "10000");
        files.put("msaair.consumer.kafka.enable.auto.commit", "true");
        files.put("msaair.consumer.max-batch", "50");
        environment.put("MSAAIR_CONSUMER_KAFKA_SESSION_TIMEOUT_MS", "20000");
        environment.put("MSAAIR_CONSUMER_KAFKA_FETCH_MAX_WAIT_MS", "100");

        Properties consumer = settings.consumer("mileage-reservation-events");

        assertThat(consumer).containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("group.id", "mileage")
                .containsEntry("session.timeout.ms", "20000")
                .containsEntry("fetch.max.wait.ms", "100")
                .containsEntry("client.id", "mileage-reservation-events")
                .containsEntry("enable.auto.commit", "false")
                .containsEntry("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer")
                .doesNotContainKey("max-batch");
        assertThat(settings.groupId()).isEqualTo("mileage");
    }

    @Test
    void theProducerHasItsOwnPrefixAndStringsOut() {
        files.put("msaair.kafka.bootstrap.servers", "kafka:9092");
        files.put("msaair.outbox.kafka.acks", "all");
        environment.put("MSAAIR_OUTBOX_KAFKA_MAX_BLOCK_MS", "5000");
        files.put("msaair.consumer.kafka.session.timeout.ms", "10000");

        Properties producer = settings.producer("outbox-relay");

        assertThat(producer).containsEntry("bootstrap.servers", "kafka:9092").containsEntry("client.id", "outbox-relay")
                .containsEntry("acks", "all").containsEntry("max.block.ms", "5000")
                .containsEntry("value.serializer", "org.apache.kafka.common.serialization.StringSerializer")
                .doesNotContainKey("session.timeout.ms");
    }

    private final class MapConfig implements Config {
        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            String value = environment.getOrDefault(KafkaSettings.environmentName(name), files.get(name));
            return Optional.ofNullable(value).map(type::cast);
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            List<String> names = new java.util.ArrayList<>(files.keySet());
            names.addAll(environment.keySet());
            return names;
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}
