package com.msaair.systemtest.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.msaair.localstack.DatabaseServer;
import com.msaair.localstack.DerbyNetworkServer;
import com.msaair.localstack.Identities;
import com.msaair.localstack.LibertyServer;
import com.msaair.localstack.LivenessWatchdog;
import com.msaair.localstack.LocalStack;
import com.msaair.localstack.Service;
import com.msaair.localstack.StackLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The system under test, started once for the whole test run and stopped at its end (also when
 * tests fail): a real KRaft broker, Keycloak, the Liberty servers, the gateway (nginx), a database
 * server and, in this JVM, the mail server notification sends its e-mail to (GreenMail), on ports offset
 * by 10000, with their data in {@code system-tests/target/stack-data}.
 * On Derby (the default) the database server is a Derby Network Server that keeps the mileage service's
 * data, so a second mileage replica can share it; the other services embed theirs. With
 * {@code -Dmsaair.test.database=postgresql} every service keeps its data in a PostgreSQL cluster of
 * the stack's own (a database each), and that is the database server. Kafka is one broker, or a
 * cluster of three with {@code -Dmsaair.test.kafka-brokers=3}.
 */
public final class SystemStack implements BeforeAllCallback {

    private static final Logger LOG = Logger.getLogger(SystemStack.class.getName());
    public static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    /**
     * How long the test stack holds seats awaiting payment (15 minutes by default), so the tests see
     * holds expire; long enough for payment to be killed, restarted under load and take over its
     * worker's lease (about 60 s on this machine's two cores) and still charge what it missed.
     */
    public static final int HOLD_SECONDS = 120;

    /**
     * Reservation's settings in the test stack, given to a replica a test makes too: holds of {@link #HOLD_SECONDS},
     * and every booking admitted however long it waits — the suites test what bursts do to correctness (50 bookings at
     * once of one flight), not capacity; shedding is measured by the benchmark (./bench/run.sh --mode surge).
     */
    public static final Map<String, String> RESERVATION_SETTINGS = Map.of("MSAAIR_BOOKING_HOLD_SECONDS", String.valueOf(HOLD_SECONDS),
            "MSAAIR_BOOKING_CAPTURE_MARGIN_SECONDS", "5", "MSAAIR_ADMISSION_BOOKING_QUEUE", "1000", "MSAAIR_ADMISSION_BOOKING_MAX_WAIT_MS", "120000");

    private static volatile Running running;

    /** What the whole run shares. */
    public record Running(LocalStack stack, DatabaseServer database, LivenessWatchdog watchdog, Identities identities, GreenMail mail)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            LOG.info("Stopping the system under test");
            stack.close();
            database.stop();
            mail.stop();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (running != null) {
            // Started already: by this run, or by the outer run of a test that runs tests (a nested engine has its own root).
            // A class reads only the mail its own tests caused (MailDeliveryIT), so each starts with an empty mail server
            // rather than the heap holding every notification of the run (a stopped one is started again).
            running.mail().reset();
            return;
        }
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    }

    public static LocalStack stack() {
        if (running == null) {
            throw new IllegalStateException("The stack is not started: annotate the test class with @ExtendWith(SystemStack.class)");
        }
        return running.stack();
    }

    /** The people of the test stack's realm, and their tokens. */
    public static Identities identities() {
        return running.identities();
    }

    public static LivenessWatchdog watchdog() {
        return running.watchdog();
    }

    /** The SMTP server notification mails to, in this JVM: what it received, and a mail server to stop and start again. */
    public static GreenMail mail() {
        return running.mail();
    }

    /** Mileage's database server on Derby; every service's on PostgreSQL. */
    public static DatabaseServer database() {
        return running.database();
    }

    /** Whether this run keeps the services' data in PostgreSQL ({@code -Dmsaair.test.database=postgresql}). */
    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty("msaair.test.database", "derby"));
    }

    public static LibertyServer server(Service service) {
        return stack().server(service);
    }

    /**
     * Waits until every server is ready and live again, e.g. after a fault a test caused (the
     * liveness watchdog may be restarting a server whose consumer channel died).
     */
    public static void awaitHealthy() {
        for (LibertyServer server : stack().allServers()) {
            if (server.isRunning()) {
                Eventually.await(server.label() + " ready and live", Duration.ofMinutes(3),
                        () -> server.healthStatus("/health/ready") * 1000 + server.healthStatus("/health/live"), s -> s == 200_200);
            }
        }
    }

    /**
     * How many Kafka brokers the stack runs: 1, or 3 with {@code -Dmsaair.test.kafka-brokers=3} (a
     * cluster as in production, for the rolling restart: KafkaRollingRestartIT).
     */
    public static int kafkaBrokers() {
        return Integer.getInteger("msaair.test.kafka-brokers", 1);
    }

    public static int portOffset() {
        return Integer.getInteger("msaair.test.port-offset", 10000);
    }

    private static synchronized Running start() {
        StackLayout layout = StackLayout.fromEnvironment().withData(Path.of(System.getProperty("msaair.test.data", "target/stack-data")));
        layout.deleteData();
        int offset = portOffset();
        LocalStack stack = new LocalStack(layout, EnumSet.allOf(Service.class), offset, kafkaBrokers());
        DatabaseServer database;
        if (onPostgres()) {
            // Nothing of the PostgreSQL run browses (WebIT is the Derby run's): one server fewer to start.
            stack.withoutWeb();
            // Started and stopped by the stack, before and after the servers.
            database = stack.onPostgres().postgres().orElseThrow();
        } else {
            DerbyNetworkServer derby = new DerbyNetworkServer(layout, layout.data().resolve("derby-network"), 1527 + offset);
            stack.configure(Service.MILEAGE, server -> server.env(derby.clientEnvironment("mileage")));
            database = derby;
        }
        stack.configure(Service.RESERVATION, server -> server.env(RESERVATION_SETTINGS));
        // Shorter than in production, so the tests that wait for them wait less: a consumer stuck on a message reports it
        // after 10 s (30 s), and the consumer groups' backlog is read every 2 s (10 s) where the tests watch it.
        stack.configure(Service.MILEAGE, server -> server.env("MSAAIR_CONSUMER_STALL_SECONDS", "10"));
        for (Service watched : List.of(Service.RESERVATION, Service.MILEAGE)) {
            stack.configure(watched, server -> server.env("MSAAIR_CONSUMER_LAG_INTERVAL_MS", "2000"));
        }
        // Notifications are e-mail from the start, so MailDeliveryIT needs no restart of notification (13 s each way). Quicker
        // than in production, so mail held back while a test stops the mail server goes out within seconds of its return:
        // looked for every 300 ms (1 s), retried after 0.5 s and at most 2 s apart (2 s, 60 s), given up on after 1000 attempts (8).
        ServerSetup smtp = new ServerSetup(3025 + offset, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail mail = new GreenMail(smtp);
        stack.configure(Service.NOTIFICATION, server -> server.env("SMTP_HOST", smtp.getBindAddress())
                .env("SMTP_PORT", String.valueOf(smtp.getPort()))
                .env("MSAAIR_DELIVERY_POLL_INTERVAL_MS", "300")
                .env("MSAAIR_DELIVERY_FIRST_RETRY_DELAY_MS", "500")
                .env("MSAAIR_DELIVERY_MAX_RETRY_DELAY_MS", "2000")
                .env("MSAAIR_DELIVERY_MAX_ATTEMPTS", "1000"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // The test JVM is going away without JUnit's clean-up (killed, say): leave no processes behind.
            stack.kill();
            database.kill();
        }, "kill-system-under-test"));
        long started = System.nanoTime();
        if (!onPostgres()) {
            database.start(Duration.ofSeconds(60));
        }
        mail.start();
        stack.start(START_TIMEOUT);
        // Like the kubelet's liveness probe (10 s period, 3 failures): a server whose consumer channel died is restarted.
        LivenessWatchdog watchdog = stack.watchLiveness(Duration.ofSeconds(10), 3, message -> LOG.warning("[liveness] " + message));
        LOG.info(() -> "System under test (" + database.label() + ", Kafka " + stack.kafka().size() + " broker(s)) ready in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        running = new Running(stack, database, watchdog, new Identities(stack.keycloak()), mail);
        // Made now, so it has long expired when the access matrices need an expired token.
        Tokens.expired();
        if (stack.web().isPresent()) {
            // WebIT's browser, installed with apt while the other classes run (on a fresh machine: about 20 s).
            Browser.installInBackground();
        }
        return running;
    }
}
