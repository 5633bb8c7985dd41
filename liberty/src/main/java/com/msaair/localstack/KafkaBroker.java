package com.msaair.localstack;

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
public final class KafkaBroker extends StackProcess {

    // The admin client's INFO lines are configuration dumps; a strong reference keeps the level set.
    private static final java.util.logging.Logger KAFKA_CLIENT_LOG = quiet("org.apache.kafka");

    private final StackLayout layout;
    private final int nodeId;
    /** The controller quorum of a cluster of several ("1@host:port,2@..."), or null: a standalone broker. */
    private final String voters;
    private final String clusterId;
    private final List<String> clusterSettings;
    private final String heap;

    KafkaBroker(StackLayout layout, Path data, int nodeId, int port, int controllerPort, String voters, String clusterId,
            List<String> clusterSettings) {
        // A graceful stop is a controlled shutdown: its partitions' leadership moves to the other brokers first.
        super(voters == null ? "Kafka" : "Kafka (node " + nodeId + ")", data, "broker.log", Duration.ofSeconds(60),
                port, controllerPort);
        this.layout = layout;
        this.nodeId = nodeId;
        this.voters = voters;
        this.clusterId = clusterId;
        this.clusterSettings = clusterSettings;
        this.heap = System.getenv().getOrDefault("MSAAIR_KAFKA_HEAP", "384m");
    }

    public int nodeId() {
        return nodeId;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port();
    }

    public int controllerPort() {
        return ports().get(1);
    }

    /** Writes its configuration, and formats the storage the first time. */
    @Override
    protected void prepare() {
        writeConfig();
        writeLog4jConfig();
        if (!Files.exists(folder().resolve("log/meta.properties"))) {
            format();
        }
    }

    @Override
    protected List<String> commandLine() {
        // The full JIT, unlike the Liberty servers: C1 alone saved 0.2 % of a core at idle and cost the broker
        // 5-9 % of a core under the benchmark's load (docs/benchmarks.md, 2026-12-07 09:28-09:53 UTC).
        return List.of(java(), "-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData",
                "-Dlog4j2.configurationFile=" + log4jConfig().toUri(),
                "-cp", layout.kafkaLibs().resolve("*").toString(),
                "kafka.Kafka", config().toString());
    }

    /** Whether it answers admin requests (in a cluster: once it has joined it). */
    @Override
    public boolean isReady() {
        if (!Ports.isListening(port())) {
            return false;
        }
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** An admin client for this broker alone; the caller closes it. */
    public Admin admin() {
        return KafkaCluster.admin(bootstrapServers());
    }

    private void format() {
        List<String> command = new java.util.ArrayList<>(List.of(
                java(), "-Xmx256m", "-Dlog4j2.configurationFile=" + log4jConfig().toUri(),
                "-cp", layout.kafkaLibs().resolve("*").toString(),
                "kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id", clusterId, "--config", config().toString()));
        if (voters == null) {
            command.add("--standalone");
        }
        Path log = folder().resolve("format.log");
        run("Formatting Kafka's storage", command, Map.of(), folder(), log, Duration.ofSeconds(60));
        if (!Files.exists(folder().resolve("log/meta.properties"))) {
            throw new IllegalStateException("Formatting Kafka's storage failed:\n" + tail(log, 20));
        }
    }

    private Path config() {
        return folder().resolve("server.properties");
    }

    private Path log4jConfig() {
        return folder().resolve("log4j2.properties");
    }

    private void writeConfig() {
        List<String> lines = new java.util.ArrayList<>(List.of(
                "# Written by the MSA Air local stack at every start.",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                voters == null ? "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort() : "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://127.0.0.1:" + port() + ",CONTROLLER://127.0.0.1:" + controllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port() + ",CONTROLLER://127.0.0.1:" + controllerPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + folder().resolve("log"),
                "num.partitions=" + KafkaCluster.PARTITIONS,
                // Topics are created on purpose, never by a typo in a producer's configuration.
                "auto.create.topics.enable=false",
                "offsets.topic.num.partitions=10",
                "group.initial.rebalance.delay.ms=0",
                // The active controller appends a no-op record to the metadata log this often so that its
                // age shows it is alive (KIP-835); at the default 500 ms it was a tenth of an idle broker's CPU.
                "metadata.max.idle.interval.ms=5000"));
        lines.addAll(clusterSettings);
        lines.add("");
        write(config(), String.join("\n", lines));
    }

    private void writeLog4jConfig() {
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
        write(log4jConfig(), config);
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }
}
