package com.msaair.systemtest.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The test stack's trace backend (Zipkin), read through its query API. */
public final class Traces {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Traces() {}

    /** A new W3C trace context, sampled: a request that sends it starts (continues) the trace {@link Context#traceId()}. */
    public static Context newContext() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        return new Context(HexFormat.of().formatHex(trace), HexFormat.of().formatHex(span));
    }

    public record Context(String traceId, String parentSpanId) {
        public String traceparent() {
            return "00-" + traceId + "-" + parentSpanId + "-01";
        }
    }

    /** One span as Zipkin keeps it. */
    public record Span(String service, String kind, String name, String id, String parentId, JsonObject tags) {
        public String tag(String name) {
            return tags.containsKey(name) ? tags.getString(name) : null;
        }

        public boolean failed() {
            return tags.containsKey("error");
        }

        @Override
        public String toString() {
            return service + " " + kind + " " + name + " " + id + " <- " + parentId + (failed() ? " (error)" : "");
        }
    }

    /** The spans of a trace received so far (none when Zipkin does not know it yet). */
    public static List<Span> trace(String traceId) {
        URI uri = URI.create(SystemStack.stack().zipkin().url() + "/api/v2/trace/" + traceId);
        Http.Reply reply = Http.get(uri);
        if (reply.status() == 404) {
            return List.of();
        }
        if (reply.status() != 200) {
            throw new AssertionError("Zipkin answered " + reply);
        }
        try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream().map(span -> new Span(
                    span.getJsonObject("localEndpoint").getString("serviceName"),
                    span.getString("kind", "INTERNAL"),
                    span.getString("name", ""),
                    span.getString("id"),
                    span.getString("parentId", null),
                    span.containsKey("tags") ? span.getJsonObject("tags") : Json.createObjectBuilder().build())).toList();
        }
    }

    public static List<Span> where(List<Span> spans, String service, String kind, String name) {
        return spans.stream().filter(s -> s.service().equals(service) && s.kind().equals(kind) && s.name().equals(name)).toList();
    }

    public static Optional<Span> byId(List<Span> spans, String id) {
        return spans.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public static Predicate<List<Span>> has(String service, String kind, String name) {
        return spans -> !where(spans, service, kind, name).isEmpty();
    }
}
