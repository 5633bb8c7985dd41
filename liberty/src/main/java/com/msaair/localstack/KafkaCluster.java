package com.msaair.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The stack's Kafka: one broker (the default, a standalone KRaft quorum) or three, each its own
 * process with its own data folder, together a cluster as production runs it (k8s/overlays/prod):
 * every broker also a controller (a quorum of three survives one down), topics replicated three
 * times, {@code min.insync.replicas=2}, so a producer's {@code acks=all} succeeds with one broker
 * away. Broker n listens on {@code basePort + 2(n-1)}, its controller on the port after.
 */
public final class KafkaCluster {

    /** The topics MSA Air publishes to, each with 3 partitions (keyed: one key's events stay in order). */
    public static final List<String> EVENT_TOPICS = List.of("schedule-events", "reservation-events", "mileage-events", "payment-events");
    public static final String DEAD_LETTER_SUFFIX = ".DLT";
    public static final int PARTITIONS = 3;

    private final List<KafkaBroker> brokers = new ArrayList<>();
    private final int replication;

    /**
     * @param brokers 1 or 3
     */
    public KafkaCluster(StackLayout layout, int brokers, int basePort) {
        if (brokers != 1 && brokers != 3) {
            throw new IllegalArgumentException("a local Kafka has 1 or 3 brokers, not " + brokers);
        }
        this.replication = brokers;
        if (brokers == 1) {
            this.brokers.add(new KafkaBroker(layout, layout.kafkaData(), 1, basePort, basePort + 1, null, Uuid.randomUuid().toString(),
                    replicated(1)));
            return;
        }
        String voters = java.util.stream.IntStream.rangeClosed(1, brokers)
                .mapToObj(node -> node + "@127.0.0.1:" + (basePort + 2 * (node - 1) + 1)).collect(Collectors.joining(","));
        String clusterId = clusterId(layout.kafkaData());
        for (int node = 1; node <= brokers; node++) {
            int port = basePort + 2 * (node - 1);
            this.brokers.add(new KafkaBroker(layout, layout.kafkaData().resolve("node-" + node), node, port, port + 1, voters, clusterId,
                    replicated(brokers)));
        }
    }

    /** What replication the cluster's size allows: internal topics like the event topics, and two in-sync copies where there are three. */
    private static List<String> replicated(int brokers) {
        int minInSync = brokers >= 3 ? 2 : 1;
        return List.of(
                "default.replication.factor=" + brokers,
                "min.insync.replicas=" + minInSync,
                "offsets.topic.replication.factor=" + brokers,
                "transaction.state.log.replication.factor=" + brokers,
                "transaction.state.log.min.isr=" + minInSync,
                "share.coordinator.state.topic.replication.factor=" + brokers,
                "share.coordinator.state.topic.min.isr=" + minInSync);
    }

    /** One id for every node of a cluster, chosen once and kept with its data. */
    private static String clusterId(Path data) {
        Path file = data.resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(data);
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<KafkaBroker> brokers() {
        return List.copyOf(brokers);
    }

    /** Broker {@code node} (1-based). */
    public KafkaBroker broker(int node) {
        return brokers.get(node - 1);
    }

    public int size() {
        return brokers.size();
    }

    public String bootstrapServers() {
        return brokers.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /** The ports the cluster listens on (brokers and controllers), to check they are free. */
    public List<Integer> ports() {
        return brokers.stream().flatMap(broker -> broker.ports().stream()).toList();
    }

    /** Whether every broker runs. */
    public boolean isRunning() {
        return brokers.stream().allMatch(KafkaBroker::isRunning);
    }

    /** The first broker's process (the only one, by default). */
    public long pid() {
        return brokers.get(0).pid();
    }

    /** Starts every broker that is not running (at once: the controllers need each other) and returns when all answer. */
    public void start(Duration timeout) {
        List<KafkaBroker> starting = brokers.stream().filter(broker -> !broker.isRunning()).toList();
        starting.forEach(KafkaBroker::start);
        starting.forEach(broker -> broker.awaitReady(timeout));
    }

    /**
     * A graceful stop of every broker, at once: one after the other, the last would wait for a
     * controller quorum that is gone (a minute, until its grace ran out).
     */
    public void stop() {
        StackProcess.stopTogether(brokers);
    }

    /** An admin client for the cluster; the caller closes it. */
    public Admin admin() {
        return admin(bootstrapServers());
    }

    static Admin admin(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(properties);
    }

    /** Creates the event topics and their dead-letter topics unless they exist. Kept forever: the history view is rebuilt from them. */
    public void createTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : EVENT_TOPICS) {
            topics.add(new NewTopic(topic, PARTITIONS, (short) replication).configs(Map.of("retention.ms", "-1")));
            topics.add(new NewTopic(topic + DEAD_LETTER_SUFFIX, 1, (short) replication).configs(Map.of("retention.ms", "-1")));
        }
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topics: " + e.getCause(), e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topics: " + e, e);
        }
    }

    /**
     * Waits until every partition of every topic (the consumer offsets' too) has all its replicas in
     * sync: after a broker's restart, what Strimzi waits for before it restarts the next one.
     */
    public void awaitInSync(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lagging = "";
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                Set<String> names = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                        .names().get(10, TimeUnit.SECONDS);
                Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
                lagging = topics.values().stream()
                        .flatMap(topic -> topic.partitions().stream().filter(p -> p.isr().size() < p.replicas().size())
                                .map(p -> topic.name() + "/" + p.partition() + " isr " + ids(p)))
                        .collect(Collectors.joining(", "));
                if (lagging.isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                lagging = e.toString();
            }
            StackProcess.sleep(500);
        }
        throw new IllegalStateException("Partitions not in sync within " + timeout.toSeconds() + " s: " + lagging);
    }

    private static String ids(TopicPartitionInfo partition) {
        return partition.isr().stream().map(node -> String.valueOf(node.id())).collect(Collectors.joining(",", "[", "]"));
    }
}
