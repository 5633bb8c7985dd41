package com.msaair.systemtest;

import static com.msaair.systemtest.support.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Service;
import com.msaair.platform.testing.HostileMessages;
import com.msaair.platform.testing.HostileMessages.Hostile;
import com.msaair.systemtest.support.Api;
import com.msaair.systemtest.support.Eventually;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.KafkaProbe;
import com.msaair.systemtest.support.SystemStack;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Generated hostile records on every consumed topic, interleaved with real traffic: every consumer
 * parks each hostile record exactly once (counted from the DLT topics, by original partition and
 * offset), parks nothing else, applies every good event exactly once, and no channel dies. The seed
 * is printed; {@code -Dmsaair.hostile.seed=N} replays a run, {@code -Dmsaair.hostile.count=N} sets
 * the records per topic.
 */
@Order(6)
@ExtendWith(SystemStack.class)
class HostileMessageIT {

    /** Who consumes which topic, by consumer name (the {@code dlt.consumer} header). */
    private static final Map<String, Set<String>> CONSUMERS = new LinkedHashMap<>();

    static {
        CONSUMERS.put("reservation-events", Set.of("payment", "mileage", "notification", "history"));
        CONSUMERS.put("mileage-events", Set.of("notification", "history"));
        CONSUMERS.put("schedule-events", Set.of("reservation"));
        CONSUMERS.put("payment-events", Set.of("reservation", "notification", "history"));
    }

    private static final int PER_TOPIC = Integer.getInteger("msaair.hostile.count", 500);
    private static final int MILES = 300;

    record Coordinates(int partition, long offset) {}

    @Test
    void everyHostileRecordIsParkedOnceByEachConsumerAndEveryGoodEventAroundThemIsAppliedOnce() throws Exception {
        long seed = Long.getLong("msaair.hostile.seed", new SecureRandom().nextLong());
        System.out.println("HostileMessageIT: seed " + seed + " (-Dmsaair.hostile.seed=" + seed + " replays this run), "
                + PER_TOPIC + " records per topic");
        Map<String, List<Hostile>> hostile = new LinkedHashMap<>();
        int topicIndex = 0;
        for (String topic : CONSUMERS.keySet()) {
            hostile.put(topic, HostileMessages.generate(seed + topicIndex++, PER_TOPIC, 0.01));
        }
        int restartsBefore = SystemStack.watchdog().restarts().size();

        long flight = id(Api.registerFlight(200, MILES));
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            customers.add(Api.newCustomer());
        }
        Map<String, Integer> booked = new HashMap<>();
        Map<String, Integer> cancelled = new HashMap<>();
        List<Long> reservations = new ArrayList<>();

        Map<String, Map<Coordinates, Hostile>> sent = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
            Map<String, List<Future<RecordMetadata>>> acks = new LinkedHashMap<>();
            for (int i = 0; i < PER_TOPIC; i++) {
                for (Map.Entry<String, List<Hostile>> topic : hostile.entrySet()) {
                    Hostile record = topic.getValue().get(i);
                    ProducerRecord<byte[], byte[]> message = new ProducerRecord<>(topic.getKey(), record.key(), record.value());
                    record.headers().forEach(h -> message.headers().add(h.name(), h.value()));
                    acks.computeIfAbsent(topic.getKey(), t -> new ArrayList<>()).add(producer.send(message));
                }
                if (i % 25 == 0) { // good traffic between the hostile records, on all three topics
                    producer.flush();
                    String customer = customers.get((i / 25) % customers.size());
                    reservations.add(id(Api.booked(customer, flight, 1)));
                    booked.merge(customer, 1, Integer::sum);
                    if (i % 100 == 0) {
                        long reservation = reservations.remove(0);
                        String owner = Api.reservation(reservation).getString("customerId");
                        assertThat(Api.cancel(reservation).status()).isEqualTo(200);
                        cancelled.merge(owner, 1, Integer::sum);
                    }
                    if (i % 150 == 0) {
                        Api.registerFlight(10, 100);
                    }
                }
            }
            for (Map.Entry<String, List<Future<RecordMetadata>>> topic : acks.entrySet()) {
                Map<Coordinates, Hostile> byCoordinates = new LinkedHashMap<>();
                for (int i = 0; i < topic.getValue().size(); i++) {
                    RecordMetadata metadata = topic.getValue().get(i).get(60, TimeUnit.SECONDS);
                    byCoordinates.put(new Coordinates(metadata.partition(), metadata.offset()), hostile.get(topic.getKey()).get(i));
                }
                sent.put(topic.getKey(), byCoordinates);
            }
        }

        for (Map.Entry<String, Set<String>> topic : CONSUMERS.entrySet()) {
            Map<Coordinates, Hostile> ours = sent.get(topic.getKey());
            Map<Integer, Long> firstOffset = new TreeMap<>();
            ours.keySet().forEach(c -> firstOffset.merge(c.partition(), c.offset(), Math::min));
            for (String consumer : topic.getValue()) {
                String what = consumer + " parked each of the " + ours.size() + " hostile records of " + topic.getKey() + " (seed " + seed + ")";
                Map<Coordinates, List<ConsumerRecord<String, String>>> parked = Eventually.await(what, Duration.ofMinutes(3),
                        () -> parkedBy(consumer, topic.getKey(), firstOffset), p -> p.keySet().containsAll(ours.keySet()));
                assertThat(parked.keySet()).as("nothing else parked by " + consumer + " on " + topic.getKey() + ": no good event (seed " + seed + ")")
                        .containsExactlyInAnyOrderElementsOf(ours.keySet());
                assertThat(parked.values()).as("each parked once by " + consumer).allSatisfy(copies -> assertThat(copies).hasSize(1));
                ours.forEach((coordinates, record) -> {
                    ConsumerRecord<String, String> copy = parked.get(coordinates).get(0);
                    assertThat(KafkaProbe.header(copy, "dlt.reason")).as(record.shape()).hasValueSatisfying(r -> assertThat(r).isNotBlank());
                    if (record.size() > 768 * 1024) {
                        assertThat(KafkaProbe.header(copy, "dlt.value.truncated")).as(record.shape()).contains(String.valueOf(record.size()));
                    } else if (isPlainCopy(record)) {
                        assertThat(copy.value()).as("a copy as it was: " + record.shape()).isEqualTo(new String(record.value(), StandardCharsets.UTF_8));
                    }
                });
            }
        }

        // The good traffic among them, applied exactly once.
        for (String customer : customers) {
            int b = booked.getOrDefault(customer, 0);
            int c = cancelled.getOrDefault(customer, 0);
            Eventually.await("customer " + customer + "'s balance", () -> Api.balance(customer), balance -> balance == (long) (b - c) * MILES);
            Eventually.await("customer " + customer + "'s ledger", () -> Api.ledger(customer).size(), n -> n == b + c);
            Eventually.await("customer " + customer + "'s notifications", () -> total(Service.NOTIFICATION, "/api/notifications?size=1&customerId=" + customer, Api.as(customer)),
                    n -> n == 2L * b + 3L * c); // confirmed (with the amount) and miles added; cancelled, miles removed and refunded
            Eventually.await("customer " + customer + "'s history", () -> total(Service.HISTORY, "/api/history?size=1&customerId=" + customer, Api.as(customer)),
                    n -> n == 1 + 2L * b + 3L * c);
        }

        for (Service service : Service.values()) {
            assertThat(Http.get(Api.url(service, "/health/live")).status()).as(service + " live").isEqualTo(200);
            assertThat(Http.get(Api.url(service, "/health/ready")).status()).as(service + " ready").isEqualTo(200);
            assertThat(total(service, "/api/outbox/refused", Api.operator())).as(service + ": no outbox row refused").isZero();
            assertThat(Http.get(Api.url(service, "/metrics?scope=application")).body().lines()
                    .filter(line -> line.startsWith("msaair_outbox_refused_total")))
                    .as(service + " counts refused outbox rows, none so far").singleElement().asString().endsWith(" 0.0");
        }
        assertThat(SystemStack.watchdog().restarts()).as("no server restarted by its liveness probe").hasSize(restartsBefore);
    }

    /** Copies that must be byte for byte the original: UTF-8, a short key, few small headers. */
    private static boolean isPlainCopy(Hostile record) {
        if (record.value() == null || record.size() >= 100_000) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(record.value()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The records {@code consumer} parked from {@code topic} at or after the given offsets, by original coordinates. */
    private static Map<Coordinates, List<ConsumerRecord<String, String>>> parkedBy(String consumer, String topic, Map<Integer, Long> from) {
        Map<Coordinates, List<ConsumerRecord<String, String>>> parked = new HashMap<>();
        for (ConsumerRecord<String, String> copy : KafkaProbe.readAll(topic + ".DLT")) {
            if (!KafkaProbe.header(copy, "dlt.consumer").orElse("").equals(consumer)
                    || !KafkaProbe.header(copy, "dlt.original.topic").orElse("").equals(topic)) {
                continue;
            }
            int partition = Integer.parseInt(KafkaProbe.header(copy, "dlt.original.partition").orElseThrow());
            long offset = Long.parseLong(KafkaProbe.header(copy, "dlt.original.offset").orElseThrow());
            if (offset >= from.getOrDefault(partition, Long.MAX_VALUE)) {
                parked.computeIfAbsent(new Coordinates(partition, offset), c -> new ArrayList<>()).add(copy);
            }
        }
        return parked;
    }

    private static long total(Service service, String path, String authorization) {
        return Http.get(Api.url(service, path), authorization).json().getJsonNumber("totalItems").longValue();
    }

    private static Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SystemStack.stack().kafka().bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return properties;
    }
}
