package com.msaair.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.platform.event.EventEnvelope;
import com.msaair.platform.event.MalformedEventException;
import com.msaair.platform.json.JsonSupport;
import com.msaair.platform.testing.HostileMessages;
import com.msaair.platform.testing.HostileMessages.Hostile;
import com.msaair.platform.worker.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitraries;

/**
 * Whatever a topic carries, the inbox ends it: for any generated hostile record, receive returns,
 * parks the record exactly once with a copy that fits the outbox, and applies nothing. jqwik prints
 * the seed of a failing run; {@code -Djqwik.seeds.whenfixed=...} is not needed, the seed is in the report.
 */
class InboxProperties {

    @Property(tries = 300)
    void everyHostileRecordIsParkedOnceAndNothingIsApplied(@ForAll("hostile") Hostile hostile) {
        InboxTest.FakeDatabase db = new InboxTest.FakeDatabase();
        Inbox inbox = new Inbox();
        inbox.transactions = db;
        inbox.processed = db.processed;
        inbox.deadLetters = db.deadLetters;
        inbox.outbox = db.outbox;
        inbox.channels = new ConsumerChannels();
        inbox.tracing = com.msaair.platform.tracing.MessageTracing.off();
        inbox.metrics = new ConsumerMetrics() {
            @Override
            void count(String channel, Outcome outcome) {}
        };
        inbox.clock = Clock.systemUTC();
        inbox.settings = new ConsumerSettings();
        inbox.settings.maxAttempts = 2;
        inbox.settings.name = "property";
        inbox.retry = Backoff.of(1, 2);
        List<ReceivedMessage.RawHeader> headers = hostile.headers().stream()
                .map(h -> new ReceivedMessage.RawHeader(h.name(), h.value())).toList();

        // A consumer that knows no type: every record that reads as an envelope is refused as unknown.
        Subscription knowsNothing = new Subscription("topic", EventTypes.handling(), event -> {
            throw new MalformedEventException("never called");
        });
        boolean done = inbox.receive(knowsNothing, new ReceivedMessage("topic", 0, 1, hostile.key(), hostile.value(), headers));

        assertThat(done).isTrue();
        assertThat(db.committedSends).as(hostile.shape()).singleElement().satisfies(sent -> {
            assertThat(sent.topic()).isEqualTo("topic.DLT");
            assertThat(sent.key() == null || sent.key().length() <= DeadLetterCopy.MAX_KEY).isTrue();
            assertThat(sent.value() == null || sent.value().getBytes(StandardCharsets.UTF_8).length <= DeadLetterCopy.MAX_VALUE_BYTES).isTrue();
            var json = JsonSupport.objectBuilder();
            sent.headers().forEach(json::add);
            assertThat(json.build().toString().length()).isLessThanOrEqualTo(DeadLetterCopy.MAX_HEADERS_JSON);
        });
        assertThat(db.committedLetters).hasSize(1);
    }

    @Property(tries = 500)
    void readingAnEnvelopeThrowsNothingButMalformedEvent(@ForAll("hostile") Hostile hostile) {
        if (hostile.value() == null) {
            return;
        }
        try {
            EventEnvelope.fromJson(new String(hostile.value(), StandardCharsets.UTF_8));
        } catch (MalformedEventException expected) {
            // the one way to say no
        }
    }

    @Provide
    Arbitrary<Hostile> hostile() {
        return Arbitraries.lazy(() -> HostileMessages.message(0.01));
    }
}
