package com.msaair.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

/**
 * The Kafka clients' settings, from MicroProfile Config. Any consumer property can be given as
 * {@code msaair.consumer.kafka.<property>} and any producer property (the outbox relay's) as
 * {@code msaair.outbox.kafka.<property>}, in a {@code microprofile-config.properties} or as an
 * environment variable ({@code MSAAIR_CONSUMER_KAFKA_SESSION_TIMEOUT_MS}: upper case, dots as
 * underscores — Kafka's property names have no underscores of their own, so the name is found again).
 * The brokers are {@code msaair.kafka.bootstrap.servers} (Liberty's {@code kafka.bootstrap.servers},
 * {@code KAFKA_BOOTSTRAP_SERVERS}, by default). What the platform's code depends on is fixed here
 * and cannot be overridden: bytes in (the inbox decodes strictly), strings out, offsets committed by
 * the consumer loop only.
 */
@ApplicationScoped
public class KafkaSettings {

    public static final String BOOTSTRAP_SERVERS = "msaair.kafka.bootstrap.servers";
    public static final String CONSUMER_PREFIX = "msaair.consumer.kafka.";
    public static final String PRODUCER_PREFIX = "msaair.outbox.kafka.";

    @Inject
    Config config;

    /** For CDI. */
    protected KafkaSettings() {}

    public KafkaSettings(Config config) {
        this.config = config;
    }

    public String bootstrapServers() {
        return config.getValue(BOOTSTRAP_SERVERS, String.class);
    }

    /** The consumer group of this service's consumers ({@code CONSUMER_GROUP} in each service's configuration). */
    public String groupId() {
        return config.getValue(CONSUMER_PREFIX + ConsumerConfig.GROUP_ID_CONFIG, String.class);
    }

    /** A consumer's properties; {@code clientId} names it in the broker's logs and metrics. */
    public Properties consumer(String clientId) {
        Properties properties = configured(clientId, CONSUMER_PREFIX);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return properties;
    }

    /** The outbox relay's producer properties. */
    public Properties producer(String clientId) {
        Properties properties = configured(clientId, PRODUCER_PREFIX);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return properties;
    }

    /** An admin client's properties: short timeouts, it only measures. */
    public Properties admin(String clientId) {
        Properties properties = new Properties();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        properties.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        return properties;
    }

    /**
     * A client's properties before what its code fixes: named {@code clientId} unless configured
     * otherwise, everything configured under {@code prefix}, and the brokers, which only
     * {@value #BOOTSTRAP_SERVERS} sets.
     */
    private Properties configured(String clientId, String prefix) {
        Properties properties = new Properties();
        properties.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        properties.putAll(under(prefix));
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    /** Every property given under {@code prefix}, by its Kafka name, with the value MicroProfile Config resolves for it. */
    Map<String, String> under(String prefix) {
        String envPrefix = environmentName(prefix);
        Map<String, String> found = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            String property = null;
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                property = name.substring(prefix.length());
            } else if (name.startsWith(envPrefix) && name.length() > envPrefix.length()) {
                property = name.substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            }
            if (property != null) {
                // The dotted name: MicroProfile Config finds the environment variable for it, which wins over the files.
                String key = property;
                config.getOptionalValue(prefix + key, String.class).ifPresent(value -> found.put(key, value));
            }
        }
        return found;
    }

    static String environmentName(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
