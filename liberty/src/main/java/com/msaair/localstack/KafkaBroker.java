package com.msaair.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * A real Kafka broker in its own JVM, from the Maven Central jars: KRaft in combined mode (broker
 * and controller in one process), listening on 127.0.0.1 only. Its log lives in its data folder and
 * survives restarts; the storage is formatted on first start. One broker is a cluster of its own
 * (a standalone controller quorum); several make one cluster together ({@link KafkaCluster}).
 */
public final class KafkaBroker {

    // The admin client's INFO lines are configuration dumps; a strong reference keeps the level set.
    private static final java.util.logging.Logger KAFKA_CLIENT_LOG = quiet("org.apache.kafka");

    private final StackLayout layout;
    private final Path data;
    private final int nodeId;
    private final int port;
    private final int controllerPort;
    /** The controller quorum of a cluster of several ("1@host:port,2@..."), or null: a standalone broker. */
    private final String voters;
    private final String clusterId;
    private final List<String> clusterSettings;
    private final String heap;
    private ManagedProcess process;

    KafkaBroker(StackLayout layout, Path data, int nodeId, int port, int controllerPort, String voters, String clusterId,
            List<String> clusterSettings) {
        this.layout = layout;
        this.data = data;
        this.nodeId = nodeId;
        this.port = port;
        this.controllerPort = controllerPort;
        this.voters = voters;
        this.clusterId = clusterId;
        this.clusterSettings = clusterSettings;
        this.heap = System.getenv().getOrDefault("MSAAIR_KAFKA_HEAP", "384m");
    }

    public int nodeId() {
        return nodeId;
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
        return data.resolve("broker.log");
    }

    /** Starts the broker and returns once it answers admin requests. */
    public void start(Duration timeout) {
        launch();
        awaitReady(timeout);
    }

    /** Starts the process (formatting the storage the first time) without waiting for it. */
    void launch() {
        Path config = writeConfig();
        if (!Files.exists(data.resolve("log/meta.properties"))) {
            format(config);
        }
        process = ManagedProcess.launch(voters == null ? "kafka" : "kafka-" + nodeId, List.of(
                        java(), "-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                        "-Dlog4j2.configurationFile=" + writeLog4jConfig().toUri(),
                        "-cp", layout.kafkaLibs().resolve("*").toString(),
                        "kafka.Kafka", config.toString()),
                Map.of(), data, log());
    }

    /** Returns once the launched broker answers admin requests (in a cluster: once it has joined it). */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka (node " + nodeId + ") exited while starting:\n" + process.tail(30));
            }
            if (answers()) {
                return;
            }
            sleep(200);
        }
        process.stop(Duration.ofSeconds(10));
        throw new IllegalStateException("Kafka (node " + nodeId + ") did not answer within " + timeout.toSeconds() + " s:\n" + process.tail(30));
    }

    /** An admin client for this broker alone; the caller closes it. */
    public Admin admin() {
        return KafkaCluster.admin(bootstrapServers());
    }

    /** A graceful stop (controlled shutdown: its partitions' leadership moves to the other brokers first). */
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
        List<String> command = new java.util.ArrayList<>(List.of(
                java(), "-Xmx256m", "-Dlog4j2.configurationFile=" + writeLog4jConfig().toUri(),
                "-cp", layout.kafkaLibs().resolve("*").toString(),
                "kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id", clusterId, "--config", config.toString()));
        if (voters == null) {
            command.add("--standalone");
        }
        ManagedProcess formatter = ManagedProcess.launch("kafka-storage-format", command, Map.of(), data, data.resolve("format.log"));
        if (!formatter.waitFor(Duration.ofSeconds(60))) {
            formatter.kill();
            throw new IllegalStateException("Formatting Kafka's storage did not finish:\n" + formatter.tail(20));
        }
        if (!Files.exists(data.resolve("log/meta.properties"))) {
            throw new IllegalStateException("Formatting Kafka's storage failed:\n" + formatter.tail(20));
        }
    }

    private Path writeConfig() {
        List<String> lines = new java.util.ArrayList<>(List.of(
                "# Written by the MSA Air local stack at every start.",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                voters == null ? "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort : "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data.resolve("log"),
                "num.partitions=" + KafkaCluster.PARTITIONS,
                // Topics are created on purpose, never by a typo in a producer's configuration.
                "auto.create.topics.enable=false",
                "offsets.topic.num.partitions=10",
                "group.initial.rebalance.delay.ms=0"));
        lines.addAll(clusterSettings);
        lines.add("");
        try {
            Files.createDirectories(data);
            Path file = data.resolve("server.properties");
            Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
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
            Files.createDirectories(data);
            Path file = data.resolve("log4j2.properties");
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
