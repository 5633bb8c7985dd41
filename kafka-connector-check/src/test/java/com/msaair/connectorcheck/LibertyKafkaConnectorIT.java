package com.msaair.connectorcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.msaair.localstack.KafkaCluster;
import com.msaair.localstack.LibertyServer;
import com.msaair.localstack.StackLayout;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The bug the platform works around, reproduced: Liberty's liberty-kafka connector loses a channel
 * for good when a commit of its offsets fails — as commits do while the broker restarts. A tiny
 * application ({@link CheckedChannel}) consumes a steady stream over many partitions (each with
 * offsets to commit when the broker goes away); the broker is stopped gracefully, stays away a few
 * seconds and is started again; within {@link #DEAD_AFTER} of its return the channel has either failed
 * (its stream ended, or it takes nothing more while the broker takes every record sent) — the bug,
 * still there: the test passes — or it consumes again. Surviving {@link #ROUNDS} restarts means a
 * Liberty upgrade fixed it: the test fails and says what can go.
 *
 * <p>Why the KIP-848 group protocol ({@code group.protocol=consumer}) when the services used the
 * classic one: the defect is the same — a failed commit ends the stream — but the paths differ. With
 * the classic protocol it takes a race: a commit runs on the polling thread while another commit's
 * {@code wakeup()} is pending and the coordinator is unknown, and the Kafka client's
 * {@code WakeupException} out of {@code commitAsync} escapes as a failed poll. The crash suite hit it in
 * every consuming service at once on a busy machine; five restarts on a quiet one did not. With KIP-848
 * the connector's commit callback fails on the {@code null} offsets Kafka passes with every failed
 * commit: the first failed commit kills the channel, every time (docs/architecture.md has both traces).
 *
 * <p>About 45 s: one broker, one small server, one round.
 */class LibertyKafkaConnectorIT {

    private static final Logger LOG = Logger.getLogger(LibertyKafkaConnectorIT.class.getName());
    private static final String TOPIC = "connector-check";
    private static final int ROUNDS = 3;
    /**
     * Each partition has its own commit timer in the connector, and each commit wakes the consumer up:
     * the more partitions with work done, the more wakeups land while the coordinator is unknown.
     */
    private static final int PARTITIONS = 12;
    /** How long the broker stays away: several rounds of the connector's commit attempts (every 500 ms). */
    private static final Duration DOWN = Duration.ofSeconds(5);
    /** A healthy consumer rejoins and consumes within seconds of its broker's return. */
    private static final Duration DEAD_AFTER = Duration.ofSeconds(40);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private record State(long consumed, String ended, String ackFailed) {}

    @Test
    void aBrokerRestartWithOffsetCommitsPendingKillsAChannelForGood() throws Exception {
        StackLayout layout = StackLayout.fromEnvironment().withData(Path.of(System.getProperty("msaair.check.data", "target/check-data")));
        layout.deleteData();
        int offset = Integer.getInteger("msaair.check.port-offset", 21000);
        KafkaCluster kafka = new KafkaCluster(layout, 1, 9092 + offset);
        LibertyServer server = new LibertyServer(layout, "connector-check", "connector-check", 9080 + offset, layout.serversOutput())
                .env("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        try {
            kafka.start(Duration.ofMinutes(1));
            try (Admin admin = kafka.admin()) {
                admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            server.start();
            server.awaitReady(Duration.ofMinutes(3));
            try (SteadyProducer producer = new SteadyProducer(kafka.bootstrapServers())) {
                for (int round = 1; round <= ROUNDS; round++) {
                    long flowing = state(server).consumed() + 30;
                    await("the channel consuming the steady stream", Duration.ofMinutes(1), () -> state(server).consumed() >= flowing);
                    // Acknowledged offsets are committed about 500 ms later: the broker goes while some are pending, and they fail.
                    kafka.stop();
                    Thread.sleep(DOWN.toMillis());
                    kafka.start(Duration.ofMinutes(1));
                    String death = deathWithin(server, producer, DEAD_AFTER);
                    if (death != null) {
                        LOG.info("Round " + round + ": the connector's channel died after the broker's restart: " + death
                                + "; the connector said: " + connectorErrors(server));
                        assertThat(death).isNotBlank();
                        return;
                    }
                    LOG.info("Round " + round + ": the channel survived the broker's restart");
                }
            }
            fail("Liberty's liberty-kafka connector (Open Liberty " + libertyVersion(layout) + ") kept its channel through " + ROUNDS
                    + " broker restarts with offset commits failing: the bug this project works around looks fixed. Check that the classic"
                    + " protocol's WakeupException out of commitAsync is fixed too (docs/architecture.md, \"Kafka in and out\"); then the"
                    + " platform's own consumer loop (platform.inbox.ConsumerLoop) may give way to @Incoming channels, if that is wanted,"
                    + " and this check can be deleted.");
        } finally {
            server.stop();
            kafka.stop();
        }
    }

    /**
     * Why the channel is dead, or null once it consumes again: its stream ended, or it took nothing for
     * {@code limit} while the broker acknowledged records sent to it.
     */
    private static String deathWithin(LibertyServer server, SteadyProducer producer, Duration limit) throws Exception {
        State back = state(server);
        long sentBack = producer.acknowledged();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            State now = state(server);
            if (now.ended() != null) {
                return now.ended() + (now.ackFailed() == null ? "" : " (an acknowledgement failed: " + now.ackFailed() + ")");
            }
            if (now.consumed() >= back.consumed() + 30) {
                return null;
            }
            Thread.sleep(500);
        }
        long sent = producer.acknowledged() - sentBack;
        State last = state(server);
        assertThat(sent).as("records the broker took in the " + limit.toSeconds() + " s after its restart").isPositive();
        return "took " + (last.consumed() - back.consumed()) + " of the " + sent + " records sent in the " + limit.toSeconds()
                + " s after the broker's restart" + (last.ackFailed() == null ? "" : " (an acknowledgement failed: " + last.ackFailed() + ")");
    }

    private static State state(LibertyServer server) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/channel")).timeout(Duration.ofSeconds(5)).GET().build();
        String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Map<String, String> values = new HashMap<>();
        body.lines().forEach(line -> values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return new State(Long.parseLong(values.get("consumed")), orNull(values.get("ended")), orNull(values.get("ackFailed")));
    }

    private static String orNull(String value) {
        return value == null || value.equals("null") ? null : value;
    }

    /** The connector's own messages (CWMRX...) in the server's log. */
    private static String connectorErrors(LibertyServer server) {
        try (Stream<String> lines = Files.lines(server.messagesLog())) {
            return lines.filter(line -> line.contains("CWMRX")).limit(5).collect(Collectors.joining(System.lineSeparator()));
        } catch (IOException e) {
            return "(messages.log unreadable: " + e + ")";
        }
    }

    private static String libertyVersion(StackLayout layout) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(layout.wlp().resolve("lib/versions/openliberty.properties"))) {
            properties.load(in);
            return properties.getProperty("com.ibm.websphere.productVersion", "?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static void await(String what, Duration timeout, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    /**
     * Sends a record every 50 ms, spread over the partitions, in the background, counting what the
     * broker acknowledged; failures while it is away are expected. The channel keeps up: between
     * records it waits in the connector's long poll, where the commits' wakeups reach it.
     */
    private static final class SteadyProducer implements AutoCloseable {
        private final KafkaProducer<String, String> producer;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong acknowledged = new AtomicLong();
        private final Thread thread;

        SteadyProducer(String bootstrapServers) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "500");
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "5000");
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");
            properties.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
            producer = new KafkaProducer<>(properties);
            thread = new Thread(this::run, "steady-producer");
            thread.start();
        }

        private void run() {
            for (long n = 0; running.get(); n++) {
                try {
                    producer.send(new ProducerRecord<>(TOPIC, "message " + n), (metadata, failure) -> {
                        if (failure == null) {
                            acknowledged.incrementAndGet();
                        }
                    });
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the broker is away: the next send tries again
                }
            }
        }

        long acknowledged() {
            return acknowledged.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
            producer.close(Duration.ofSeconds(2));
        }
    }
}
