package com.msaair.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.outbox.Outbox;
import com.msaair.platform.tx.Transactions;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The inbox's rules without a stack: the database is a map that commits or rolls back with the
 * transaction, the outbox a list. Every message must end applied, duplicate or parked, and only a
 * failure that would repeat identically may park a good-looking event.
 */
class InboxTest {

    private final FakeDatabase db = new FakeDatabase();
    private final List<EventEnvelope> applied = new ArrayList<>();
    private final Inbox inbox = new Inbox();
    private final java.util.Map<ConsumerMetrics.Outcome, Integer> counted = new java.util.EnumMap<>(ConsumerMetrics.Outcome.class);
    private int offsets;

    InboxTest() {
        inbox.transactions = db;
        inbox.processed = db.processed;
        inbox.deadLetters = db.deadLetters;
        inbox.outbox = db.outbox;
        inbox.channels = new ConsumerChannels();
        inbox.tracing = com.msaair.platform.tracing.MessageTracing.off();
        inbox.loops = new ConsumerLoops() {
            @Override
            void start(Subscription subscription, Inbox into) {}
        };
        inbox.metrics = new ConsumerMetrics() {
            @Override
            void register(String channel) {}

            @Override
            void count(String channel, Outcome outcome) {
                counted.merge(outcome, 1, Integer::sum);
            }
        };
        inbox.clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        inbox.settings = new ConsumerSettings();
        inbox.settings.maxAttempts = 3;
        inbox.settings.name = "test";
        inbox.retry = com.msaair.platform.worker.Backoff.of(1, 5);
    }

    @Test
    void aGoodEventIsAppliedOnceAndItsRedeliveryChangesNothing() {
        String event = envelope(UUID.randomUUID(), "Booked");
        assertThat(inbox.receive(orders(applied::add), message(event))).isTrue();
        assertThat(inbox.receive(orders(applied::add), message(event))).isTrue();

        assertThat(applied).hasSize(1);
        assertThat(db.committedProcessed.values()).containsExactly(ProcessedMessage.Outcome.APPLIED);
        assertThat(db.committedSends).isEmpty();
        assertThat(counted).containsOnly(java.util.Map.entry(ConsumerMetrics.Outcome.APPLIED, 1), java.util.Map.entry(ConsumerMetrics.Outcome.DUPLICATE, 1));
    }

    @Test
    void whatNoConsumerCouldReadIsParkedByItsCoordinatesWithTheReason() {
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28, 'x'};
        List<ReceivedMessage> poison = List.of(
                message("not json"),
                message("{\"eventId\":1," + "9".repeat(1_200) + "}"),
                message("{\"a\":" + "9".repeat(1_200) + "}"),
                message("[".repeat(5_000)),
                message(envelope(UUID.randomUUID(), "Booked").replace("\"data\":{}", "\"data\":{},\"data\":{}")),
                new ReceivedMessage("orders", 0, offsets++, null, notUtf8, List.of()),
                new ReceivedMessage("orders", 0, offsets++, null, null, List.of()));

        for (ReceivedMessage message : poison) {
            assertThat(inbox.receive(orders(applied::add), message)).isTrue();
        }

        assertThat(applied).isEmpty();
        assertThat(db.committedSends).hasSize(poison.size()).allSatisfy(sent -> {
            assertThat(sent.topic()).isEqualTo("orders.DLT");
            assertThat(sent.headers().get(Inbox.HEADER_DLT_REASON)).startsWith("malformed event");
        });
        assertThat(db.committedSends.get(1).headers().get(Inbox.HEADER_DLT_REASON)).contains("must be valid JSON");
        assertThat(db.committedSends.get(2).headers().get(Inbox.HEADER_DLT_REASON)).contains("a is a number of more than 40 characters");
        assertThat(db.committedSends.get(4).headers().get(Inbox.HEADER_DLT_REASON)).contains("data appears more than once");
        assertThat(db.committedSends.get(5).headers()).containsEntry("dlt.value.encoding", "base64");
        assertThat(db.committedSends.get(5).value()).isEqualTo("wyh4");
        assertThat(db.committedSends.get(6).value()).as("a record without a value").isNull();
        assertThat(db.committedProcessed).containsKey("orders/0/0").hasSize(poison.size());
        assertThat(db.committedLetters).hasSize(poison.size()).allSatisfy(l -> assertThat(l.view().reasonCode()).isEqualTo(DeadLetter.Reason.MALFORMED));
    }

    @Test
    void anEventTheBusinessRefusesIsParkedAtOnceWithoutRetrying() {
        AtomicInteger calls = new AtomicInteger();
        inbox.receive(orders(event -> {
            calls.incrementAndGet();
            throw new EventRejectedException("no such flight");
        }), message(envelope(UUID.randomUUID(), "Booked")));

        assertThat(calls).hasValue(1);
        assertThat(db.committedLetters).singleElement().satisfies(l -> assertThat(l.view().reasonCode()).isEqualTo(DeadLetter.Reason.REJECTED));
        assertThat(db.committedSends.get(0).value()).as("parked unchanged").contains("\"eventType\":\"Booked\"");
        assertThat(counted).as("counted once, as parked").containsExactly(java.util.Map.entry(ConsumerMetrics.Outcome.PARKED, 1));
    }

    @Test
    void anyExceptionOfTheHandlerIsRetriedThenParkedNeverThrown() {
        AtomicInteger calls = new AtomicInteger();
        boolean done = inbox.receive(orders(event -> {
            calls.incrementAndGet();
            throw new UnsupportedOperationException("a bug that fails on this event every time");
        }), message(envelope(UUID.randomUUID(), "Booked")));

        assertThat(done).isTrue();
        assertThat(calls).hasValue(3);
        assertThat(db.committedLetters).singleElement().satisfies(l -> {
            assertThat(l.view().reasonCode()).isEqualTo(DeadLetter.Reason.FAILING);
            assertThat(l.view().reason()).contains("UnsupportedOperationException");
        });
    }

    @Test
    void lockConflictsAndLostConnectionsAreWaitedOutNotCountedTowardsParking() {
        AtomicInteger calls = new AtomicInteger();
        boolean done = inbox.receive(orders(event -> {
            int call = calls.incrementAndGet();
            if (call <= 3) {
                throw new RuntimeException(new SQLTransactionRollbackException("deadlock", "40001"));
            }
            if (call <= 5) {
                throw new RuntimeException(new SQLTransientConnectionException("gone", "08006"));
            }
            applied.add(event);
        }), message(envelope(UUID.randomUUID(), "Booked")));

        assertThat(done).isTrue();
        assertThat(calls).as("more failures than max-attempts, none of them the event's").hasValue(6);
        assertThat(applied).hasSize(1);
        assertThat(db.committedLetters).isEmpty();
    }

    @Test
    void aBatchIsAppliedInOneTransactionAndOneBadMessageInItFallsBackToOneAtATime() {
        List<ReceivedMessage> good = List.of(message(envelope(UUID.randomUUID(), "Booked")), message(envelope(UUID.randomUUID(), "Booked")));
        assertThat(inbox.receiveAll(orders(applied::add), good)).isTrue();
        assertThat(db.commits).isEqualTo(1);

        UUID poisonId = UUID.randomUUID();
        List<ReceivedMessage> mixed = List.of(message(envelope(UUID.randomUUID(), "Booked")), message(envelope(poisonId, "Booked")),
                message(envelope(UUID.randomUUID(), "Booked")));
        assertThat(inbox.receiveAll(orders(event -> {
            if (event.eventId().equals(poisonId)) {
                throw new EventRejectedException("no such flight");
            }
            applied.add(event);
        }), mixed)).isTrue();

        // The handler's effects of the failed batch were rolled back with it; what committed is in the inbox.
        assertThat(applied.stream().map(EventEnvelope::eventId).distinct()).hasSize(4);
        assertThat(db.committedProcessed.values()).filteredOn(o -> o == ProcessedMessage.Outcome.APPLIED).hasSize(4);
        assertThat(db.committedLetters).singleElement().satisfies(l -> assertThat(l.messageId()).isEqualTo(poisonId.toString()));
        assertThat(counted).as("what committed, not what the failed batch tried")
                .containsOnly(java.util.Map.entry(ConsumerMetrics.Outcome.APPLIED, 4), java.util.Map.entry(ConsumerMetrics.Outcome.PARKED, 1));
    }

    @Test
    void anEventOfATypeTheConsumerIgnoresIsAcknowledgedWithoutATransaction() {
        assertThat(inbox.receive(orders(applied::add), message(envelope(UUID.randomUUID(), "Browsed")))).isTrue();

        assertThat(applied).isEmpty();
        assertThat(db.commits).as("no transaction").isZero();
        assertThat(db.committedProcessed).as("no inbox row").isEmpty();
        assertThat(counted).containsOnly(java.util.Map.entry(ConsumerMetrics.Outcome.IGNORED, 1));
    }

    @Test
    void inABatchTheIgnoredEventsAreLeftOutAndTheOthersShareOneTransaction() {
        List<ReceivedMessage> batch = List.of(message(envelope(UUID.randomUUID(), "Booked")), message(envelope(UUID.randomUUID(), "Browsed")),
                message(envelope(UUID.randomUUID(), "Booked")), message(envelope(UUID.randomUUID(), "Browsed")));

        assertThat(inbox.receiveAll(orders(applied::add), batch)).isTrue();

        assertThat(applied).hasSize(2);
        assertThat(db.commits).isEqualTo(1);
        assertThat(db.committedProcessed).hasSize(2);
        assertThat(counted).containsOnly(java.util.Map.entry(ConsumerMetrics.Outcome.APPLIED, 2), java.util.Map.entry(ConsumerMetrics.Outcome.IGNORED, 2));
    }

    @Test
    void anEventOfATypeTheConsumerDoesNotKnowIsParkedWithoutCallingItsHandler() {
        List<ReceivedMessage> batch = List.of(message(envelope(UUID.randomUUID(), "Booked")), message(envelope(UUID.randomUUID(), "Refunded")));

        assertThat(inbox.receiveAll(orders(applied::add), batch)).isTrue();

        // The batch failed on the unknown type and was taken one at a time: the handler saw only "Booked".
        assertThat(applied).extracting(EventEnvelope::eventType).containsOnly("Booked");
        assertThat(db.committedProcessed.values()).containsExactlyInAnyOrder(ProcessedMessage.Outcome.APPLIED, ProcessedMessage.Outcome.PARKED);
        assertThat(db.committedLetters).singleElement().satisfies(l -> {
            assertThat(l.view().reasonCode()).isEqualTo(DeadLetter.Reason.REJECTED);
            assertThat(l.view().reason()).contains("unknown event type Refunded on orders");
        });
    }

    @Test
    void aKeyTooLongForTheOutboxAndHeadersTooManyForItAreParkedAsATruncatedCopy() {
        List<ReceivedMessage.RawHeader> headers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            headers.add(new ReceivedMessage.RawHeader("h" + i, "v".repeat(100).getBytes(StandardCharsets.UTF_8)));
        }
        byte[] key = "k".repeat(250).getBytes(StandardCharsets.UTF_8);
        byte[] value = ("x".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8);
        inbox.receive(orders(applied::add), new ReceivedMessage("orders", 2, 7, key, value, headers));

        Sent sent = db.committedSends.get(0);
        assertThat(sent.key()).hasSize(DeadLetterCopy.MAX_KEY);
        assertThat(sent.headers()).containsEntry("dlt.key.truncated", "250").containsEntry("dlt.value.truncated", "1000000")
                .containsEntry("dlt.original.partition", "2").containsEntry("dlt.original.offset", "7").containsKey("dlt.headers.dropped");
        assertThat(sent.value().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(DeadLetterCopy.MAX_VALUE_BYTES);
        assertThat(json(sent.headers()).length()).isLessThanOrEqualTo(DeadLetterCopy.MAX_HEADERS_JSON);
        assertThat(db.committedLetters.get(0).text()).as("too big to keep for a replay").isNull();
    }

    @Test
    void whenParkingAsItIsKeepsFailingAMinimalCopyIsParked() {
        db.outbox.refuseCopiesWithContent = true;
        inbox.receive(orders(applied::add), message("not json"));

        assertThat(db.committedSends).singleElement().satisfies(sent -> {
            assertThat(sent.value()).isNull();
            assertThat(sent.headers().get(Inbox.HEADER_DLT_REASON)).startsWith("malformed");
        });
        assertThat(db.committedProcessed).containsValue(ProcessedMessage.Outcome.PARKED);
    }

    @Test
    void aParkedEventIsReplayedOnceInEffect() {
        UUID id = UUID.randomUUID();
        AtomicInteger refusals = new AtomicInteger(1);
        EventHandler handler = event -> {
            if (refusals.getAndDecrement() > 0) {
                throw new EventRejectedException("flight not known yet");
            }
            applied.add(event);
        };
        inbox.consume("orders", TYPES, handler);
        Subscription orders = inbox.subscriptionOf("orders").orElseThrow();
        inbox.receive(orders, message(envelope(id, "Booked")));
        long letter = db.committedLetters.get(0).id();

        DeadLetterReplay replay = new DeadLetterReplay();
        replay.inbox = inbox;
        replay.letters = db.deadLetters;
        replay.processed = db.processed;
        replay.transactions = db;
        replay.clock = inbox.clock;

        assertThat(replay.replay(letter).outcome()).isEqualTo(DeadLetterReplay.Outcome.APPLIED);
        assertThat(replay.replay(letter).outcome()).isEqualTo(DeadLetterReplay.Outcome.ALREADY_REPLAYED);
        assertThat(applied).hasSize(1);
        assertThat(db.committedProcessed).containsEntry(id.toString(), ProcessedMessage.Outcome.APPLIED);
        // The original, redelivered now, is a duplicate.
        inbox.receive(orders, message(envelope(id, "Booked")));
        assertThat(applied).hasSize(1);
    }

    /** The test's consumer: it handles "Booked", knows "Browsed" and has nothing to do for it. */
    private static final EventTypes TYPES = EventTypes.handling("Booked").ignoring("Browsed");

    private static Subscription orders(EventHandler handler) {
        return new Subscription("orders", TYPES, handler);
    }

    private ReceivedMessage message(String text) {
        return new ReceivedMessage("orders", 0, offsets++, "1".getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8), List.of());
    }

    private static String envelope(UUID id, String type) {
        return "{\"eventId\":\"" + id + "\",\"eventType\":\"" + type + "\",\"occurredAt\":\"2026-12-01T09:00:00Z\","
                + "\"correlationId\":\"7\",\"customerId\":\"c-1\",\"data\":{}}";
    }

    private static String json(Map<String, String> headers) {
        var json = com.msaair.platform.json.JsonSupport.objectBuilder();
        headers.forEach(json::add);
        return json.build().toString();
    }

    record Sent(String topic, String key, String value, Map<String, String> headers) {}

    /**
     * A database for the inbox: its tables are maps and lists, written to a pending copy during a
     * transaction and kept only if the work returns normally.
     */
    static final class FakeDatabase extends Transactions {
        final Map<String, ProcessedMessage.Outcome> committedProcessed = new HashMap<>();
        final List<Sent> committedSends = new ArrayList<>();
        final List<DeadLetter> committedLetters = new ArrayList<>();
        private Map<String, ProcessedMessage.Outcome> pendingProcessed;
        private List<Sent> pendingSends;
        private List<DeadLetter> pendingLetters;
        int commits;

        final ProcessedMessages processed = new ProcessedMessages() {
            @Override
            public boolean contains(String messageId) {
                return pendingProcessed.containsKey(messageId);
            }

            @Override
            public void record(String messageId, String channel, ProcessedMessage.Outcome outcome, Instant at) {
                if (pendingProcessed.putIfAbsent(messageId, outcome) != null) {
                    throw new IllegalStateException("duplicate key " + messageId);
                }
            }

            @Override
            public Optional<ProcessedMessage.Outcome> outcome(String messageId) {
                return Optional.ofNullable(pendingProcessed.get(messageId));
            }

            @Override
            public void markApplied(String messageId, String channel, Instant at) {
                pendingProcessed.put(messageId, ProcessedMessage.Outcome.APPLIED);
            }

            @Override
            public boolean containsCommitted(String messageId) {
                return committedProcessed.containsKey(messageId);
            }
        };

        final FakeOutbox outbox = new FakeOutbox();

        final class FakeOutbox extends Outbox {
            boolean refuseCopiesWithContent;

            @Override
            public void send(String topic, String key, String payload, Map<String, String> headers) {
                if (refuseCopiesWithContent && payload != null) {
                    throw new IllegalStateException("value too long for column");
                }
                pendingSends.add(new Sent(topic, key, payload, headers));
            }
        }

        final DeadLetters deadLetters = new DeadLetters() {
            @Override
            public void add(DeadLetter letter) {
                pendingLetters.add(letter);
            }

            @Override
            public Optional<DeadLetter> findForUpdate(long id) {
                return pendingLetters.stream().filter(l -> l.id() == id).findFirst();
            }
        };

        @Override
        public void runInNewTransaction(Runnable work) {
            inNewTransaction(() -> {
                work.run();
                return null;
            });
        }

        @Override
        public <T> T inNewTransaction(java.util.function.Supplier<T> work) {
            pendingProcessed = new HashMap<>(committedProcessed);
            pendingSends = new ArrayList<>(committedSends);
            pendingLetters = new ArrayList<>(committedLetters);
            T result = work.get();
            committedProcessed.clear();
            committedProcessed.putAll(pendingProcessed);
            committedSends.clear();
            committedSends.addAll(pendingSends);
            for (DeadLetter letter : pendingLetters) {
                if (letter.id() == null) {
                    letter.assignIdForTest(committedLetters.size() + 1L);
                }
            }
            committedLetters.clear();
            committedLetters.addAll(pendingLetters);
            commits++;
            return result;
        }
    }
}
