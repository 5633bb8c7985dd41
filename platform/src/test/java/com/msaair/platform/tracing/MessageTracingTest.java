package com.msaair.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The context's way through headers, with the W3C propagator and no SDK: spans do not record, but a
 * child carries its parent's trace, which is what travels. Hostile headers (a consumed record's are
 * anyone's) are ignored, never thrown on and never passed on.
 */
class MessageTracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    private final MessageTracing tracing = new MessageTracing(OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance())));

    @Test
    void anOutboxRowKeepsTheContextOfWhatWroteItAndItsRecordCarriesTheSameTrace() {
        Map<String, String> row = new HashMap<>(Map.of("eventType", "ReservationCreated", "traceparent", "00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01"));
        Span request = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault()));
        try (Scope scope = request.makeCurrent()) {
            tracing.writeCurrentContext(row);
        }
        assertThat(row).containsEntry("traceparent", "00-" + TRACE + "-" + SPAN + "-01").containsEntry("eventType", "ReservationCreated");

        Span send = tracing.startSend("reservation-events", "42", row, "e-1");
        assertThat(send.getSpanContext().getTraceId()).isEqualTo(TRACE);
        assertThat(row.get("traceparent")).startsWith("00-" + TRACE + "-");

        Span process = tracing.startProcess(row, "reservation-events", 0, 7, "mileage", "e-1", "ReservationCreated");
        assertThat(process.getSpanContext().getTraceId()).isEqualTo(TRACE);
    }

    @Test
    void withoutACurrentSpanNothingIsWrittenAndAStaleContextIsRemoved() {
        Map<String, String> row = new HashMap<>(Map.of("traceparent", "00-" + TRACE + "-" + SPAN + "-01", "tracestate", "a=b"));
        tracing.writeCurrentContext(row);
        assertThat(row).doesNotContainKeys("traceparent", "tracestate");
    }

    @Test
    void hostileTraceHeadersAreIgnoredNotThrownOnAndNotPassedOn() {
        for (String hostile : new String[] {"", "garbage", "00-" + "0".repeat(32) + "-" + SPAN + "-01", "ff-" + TRACE + "-" + SPAN + "-01",
                "00-" + TRACE + "-" + SPAN + "-01-extra-" + "x".repeat(10_000), "00-ZZZZ-" + SPAN + "-01", "\u0000\uFFFF"}) {
            Map<String, String> headers = new HashMap<>(Map.of("traceparent", hostile, "tracestate", "=,=,".repeat(500)));
            assertThatCode(() -> {
                Span process = tracing.startProcess(headers, "reservation-events", 0, 1, "mileage", null, null);
                assertThat(process.getSpanContext().isValid()).as(hostile.length() > 40 ? hostile.substring(0, 40) : hostile).isFalse();
                Map<String, String> out = new HashMap<>(headers);
                try (Scope scope = process.makeCurrent()) {
                    tracing.writeCurrentContext(out);
                }
                assertThat(out).doesNotContainKeys("traceparent", "tracestate");
            }).doesNotThrowAnyException();
        }
    }
}
