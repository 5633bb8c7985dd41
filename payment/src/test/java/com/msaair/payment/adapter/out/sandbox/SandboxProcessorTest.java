package com.msaair.payment.adapter.out.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.msaair.payment.domain.ChargeOutcome;
import com.msaair.payment.domain.ProcessorUnavailableException;
import com.msaair.platform.domain.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sandbox answers as a card processor with idempotency keys does: a key answers what it answered
 * first and moves money once; no answer (a processor error) keeps nothing. Each request is one visit to
 * its memory ({@link SandboxOperations#keepFirst}).
 */
class SandboxProcessorTest {

    private static final Money PRICE = new Money(125_000, "KRW");

    /** The processor's memory: one row per key, a second insert of a key refused as the primary key would. */
    private static final class Memory extends SandboxOperations {
        final Map<String, SandboxOperation> rows = new HashMap<>();
        int visits;
        String raceOn;

        @Override
        public Optional<SandboxOperation> find(String key) {
            return Optional.ofNullable(rows.get(key));
        }

        @Override
        public SandboxOperation keepFirst(SandboxOperation operation) {
            visits++;
            if (operation.key.equals(raceOn)) {
                // Another request with the same key committed first: this insert fails on the primary key.
                rows.put(operation.key, new SandboxOperation(operation.key, operation.kind, null, "ch_the-other", operation.amount,
                        operation.currency, operation.recordedAt));
                throw new IllegalStateException("duplicate key PK_SANDBOX_OPERATION");
            }
            return rows.computeIfAbsent(operation.key, key -> operation);
        }
    }

    private final Memory memory = new Memory();
    private final SandboxProcessor processor = new SandboxProcessor();

    SandboxProcessorTest() {
        processor.operations = memory;
        processor.clock = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
        processor.slowMs = 0;
    }

    @Test
    void anApprovedChargeIsKeptOnceAndItsKeyAnswersTheSameAgain() {
        ChargeOutcome first = processor.charge("charge-81", PRICE, SandboxProcessor.VISA);
        ChargeOutcome again = processor.charge("charge-81", PRICE, SandboxProcessor.VISA);

        assertThat(first).isInstanceOf(ChargeOutcome.Approved.class).isEqualTo(again);
        assertThat(memory.rows).hasSize(1);
        assertThat(memory.visits).as("one visit to the processor's memory per request").isEqualTo(2);
        assertThat(processor.chargeMade("charge-81")).contains(first);
    }

    @Test
    void aDeclineIsAnAnswerKeptLikeAnyOther() {
        assertThat(processor.charge("charge-82", PRICE, SandboxProcessor.INSUFFICIENT_FUNDS)).isEqualTo(new ChargeOutcome.Declined("insufficient_funds"));
        assertThat(processor.charge("charge-83", PRICE, "pm_card_nobody_knows"))
                .isEqualTo(new ChargeOutcome.Declined(ChargeOutcome.Declined.UNKNOWN_PAYMENT_METHOD));
        assertThat(processor.chargeMade("charge-82")).contains(new ChargeOutcome.Declined("insufficient_funds"));
    }

    @Test
    void aProcessorErrorIsNoAnswerAndKeepsNothing() {
        assertThatThrownBy(() -> processor.charge("charge-84", PRICE, SandboxProcessor.ERROR)).isInstanceOf(ProcessorUnavailableException.class);
        assertThat(memory.rows).isEmpty();
        assertThat(processor.chargeMade("charge-84")).isEmpty();
    }

    @Test
    void theSlowCardIsApprovedAfterItsPause() {
        assertThat(processor.charge("charge-85", PRICE, SandboxProcessor.SLOW)).isInstanceOf(ChargeOutcome.Approved.class);
    }

    @Test
    void ofTwoRequestsWithOneKeyAtOnceTheOneKeptFirstIsTheAnswer() {
        memory.raceOn = "charge-86";
        assertThat(processor.charge("charge-86", PRICE, SandboxProcessor.VISA)).isEqualTo(new ChargeOutcome.Approved("ch_the-other"));
    }
}
