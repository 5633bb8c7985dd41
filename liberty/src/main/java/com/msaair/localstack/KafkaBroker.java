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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Kafka broker in its own JVM, from the Maven Central jars: KRaft in combined mode (broker
 * and controller in one process), listening on 127.0.0.1 only. Its log lives in the data folder and
 * survives restarts; the storage is formatted on first start.
 */
public final class KafkaBroker {

    /** The topics MSA Air publishes to, each with 3 partitions (keyed: one key's events stay in order). */
    public static final List<String> EVENT_TOPICS = List.of("schedule-events", "reservation-events", "mileage-events", "payment-events");
    public static final String DEAD_LETTER_SUFFIX = ".DLT";
    public static final int PARTITIONS = 3;

    // The admin client's INFO lines are configuration dumps; a strong reference keeps the level set.
    private static final java.util.logging.Logger KAFKA_CLIENT_LOG = quiet("org.apache.kafka");

    private final StackLayout layout;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private ManagedProcess process;

    public KafkaBroker(StackLayout layout, int port, int controllerPort) {
        this.layout = layout;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = System.getenv().getOrDefault("MSAAIR_KAFKA_HEAP", "384m");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return layout.kafkaData().resolve("broker.log");
    }

    /** Starts the broker and returns once it answers admin requests. */
    public void start(Duration timeout) {
        Path config = writeConfig();
        if (!Files.exists(layout.kafkaData().resolve("log/meta.properties"))) {
            format(config);
        }
        process = ManagedProcess.launch("kafka", List.of(
                        java(), "-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                        "-Dlog4j2.configurationFile=" + writeLog4jConfig().toUri(),
                        "-cp", layout.kafkaLibs().resolve("*").toString(),
                        "kafka.Kafka", config.toString()),
                Map.of(), layout.kafkaData(), log());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited while starting:\n" + process.tail(30));
            }
            if (answers()) {
                return;
            }
            sleep(200);
        }
        process.stop(Duration.ofSeconds(10));
        throw new IllegalStateException("Kafka did not answer within " + timeout.toSeconds() + " s:\n" + process.tail(30));
    }

    /** Creates the event topics and their dead-letter topics unless they exist. Kept forever: the history view is rebuilt from them. */
    public void createTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : EVENT_TOPICS) {
            topics.add(new NewTopic(topic, PARTITIONS, (short) 1).configs(Map.of("retention.ms", "-1")));
            topics.add(new NewTopic(topic + DEAD_LETTER_SUFFIX, 1, (short) 1).configs(Map.of("retention.ms", "-1")));
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

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(properties);
    }

    /** A graceful stop (controlled shutdown). */
    public void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(60));
        }
    }

    /** kill -9. */
    public void kill() {
        if (process != null) {
            process.kill();
        }
    }

    private boolean answers() {
        if (!Ports.isListening(port)) {
            return false;
        }
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void format(Path config) {
        ManagedProcess formatter = ManagedProcess.launch("kafka-storage-format", List.of(
                        java(), "-Xmx256m", "-Dlog4j2.configurationFile=" + writeLog4jConfig().toUri(),
                        "-cp", layout.kafkaLibs().resolve("*").toString(),
                        "kafka.tools.StorageTool", "format", "--ignore-formatted",
                        "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(), "--standalone"),
                Map.of(), layout.kafkaData(), layout.kafkaData().resolve("format.log"));
        if (!formatter.waitFor(Duration.ofSeconds(60))) {
            formatter.kill();
            throw new IllegalStateException("Formatting Kafka's storage did not finish:\n" + formatter.tail(20));
        }
        if (!Files.exists(layout.kafkaData().resolve("log/meta.properties"))) {
            throw new IllegalStateException("Formatting Kafka's storage failed:\n" + formatter.tail(20));
        }
    }

    private Path writeConfig() {
        String properties = String.join("\n",
                "# Written by the MSA Air local stack at every start.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + layout.kafkaData().resolve("log"),
                "num.partitions=" + PARTITIONS,
                // Topics are created on purpose, never by a typo in a producer's configuration.
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        try {
            Files.createDirectories(layout.kafkaData());
            Path file = layout.kafkaData().resolve("server.properties");
            Files.writeString(file, properties, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path writeLog4jConfig() {
        String config = String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.console.ref = console",
                // One line saying the broker is up is worth having in the log.
                "logger.server.name = kafka.server.KafkaRaftServer",
                "logger.server.level = info",
                "");
        try {
            Files.createDirectories(layout.kafkaData());
            Path file = layout.kafkaData().resolve("log4j2.properties");
            Files.writeString(file, config, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
