package com.msaair.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Carries a trace through the outbox and Kafka, where Liberty's own instrumentation stops.
 *
 * <p><b>Parent and child, not span links.</b> A consumer's span is a child of the publish span that
 * sent the message, which is a child of the span that wrote the outbox row (the booking's request).
 * So a booking is one trace, and a trace backend shows it as one tree: the request, the relay's
 * publish, mileage applying it and publishing {@code MileageIncreased}, notification, history. The
 * OpenTelemetry messaging conventions suggest links where one span stands for a batch of messages;
 * here every message gets a span of its own, even when several are applied in one transaction, so
 * each has exactly one parent. A message that waited in the outbox while Kafka was down still joins
 * its booking's trace, with the wait visible as the gap before its publish span.
 *
 * <p>With tracing off ({@code OTEL_SDK_DISABLED=true}, Liberty's default) every span is a no-op and
 * nothing is written to the headers.
 */
@ApplicationScoped
public class MessageTracing {

    /** The W3C trace context headers, as stored with an outbox row and sent with its record. */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    /** What became of a consumed message: applied, duplicate or parked. */
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("msaair.message.outcome");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("msaair.event.type");

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private Tracer tracer;
    private TextMapPropagator propagator;

    /** For CDI. */
    protected MessageTracing() {}

    @Inject
    public MessageTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("com.msaair.platform.messaging");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Tracing switched off: for unit tests and tools without a container. */
    public static MessageTracing off() {
        return new MessageTracing(OpenTelemetry.noop());
    }

    /** Adds the current trace context (the request's, or the consumer span's) to headers of a message to be sent. */
    public void writeCurrentContext(Map<String, String> headers) {
        write(Context.current(), headers);
    }

    /** Replaces the trace context in {@code headers} with {@code context}'s (nothing when it has no valid span). */
    private void write(Context context, Map<String, String> headers) {
        headers.remove(TRACEPARENT);
        headers.remove(TRACESTATE);
        propagator.inject(context, headers, (carrier, name, value) -> carrier.put(name, value));
    }

    /**
     * Starts the span of sending an outbox row to Kafka, a child of the context stored with the row (a
     * root span when none was) and writes its own context into {@code headers}, so consumers become its
     * children. The caller ends the span when the broker has answered.
     */
    public Span startSend(String topic, String key, Map<String, String> headers, String messageId) {
        Span span = messaging("send", topic, SpanKind.PRODUCER, headers).startSpan();
        if (key != null) {
            span.setAttribute(KEY, key);
        }
        if (messageId != null) {
            span.setAttribute(MESSAGE_ID, messageId);
        }
        write(Context.root().with(span), headers);
        return span;
    }

    /**
     * Starts the span of applying one consumed message, a child of the publish span named by its
     * {@code traceparent} header. Make it current while the message is applied, so the outbox rows the
     * consumer writes carry the trace on.
     */
    public Span startProcess(Map<String, String> headers, String topic, int partition, long offset, String group,
            String eventId, String eventType) {
        Span span = messaging("process", topic, SpanKind.CONSUMER, headers)
                .setAttribute(GROUP, group)
                .setAttribute(PARTITION, String.valueOf(partition))
                .setAttribute(OFFSET, offset)
                .startSpan();
        if (eventId != null) {
            span.setAttribute(MESSAGE_ID, eventId);
        }
        if (eventType != null) {
            span.setAttribute(EVENT_TYPE, eventType);
        }
        return span;
    }

    /** A span named and described as the messaging conventions say, the child of the context in {@code headers}. */
    private io.opentelemetry.api.trace.SpanBuilder messaging(String operation, String topic, SpanKind kind, Map<String, String> headers) {
        return tracer.spanBuilder(operation + " " + topic)
                .setParent(propagator.extract(Context.root(), headers, FROM_MAP))
                .setSpanKind(kind)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION_TYPE, operation)
                .setAttribute(OPERATION_NAME, operation);
    }

    /** Ends {@code span}, marked failed when {@code failure} is not null. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            span.recordException(failure);
        }
        span.end();
    }
}
