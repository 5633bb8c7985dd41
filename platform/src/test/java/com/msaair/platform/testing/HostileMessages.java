package com.msaair.platform.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.engine.SourceOfRandomness;

/**
 * Generates what a hostile or broken producer can write to a topic: values that are not UTF-8, not
 * JSON, nested thousands deep, with numbers of hundreds of digits, huge strings, fields missing,
 * doubled or of the wrong type, types nobody knows; keys that are missing, too long or binary;
 * headers by the hundred. Every message generated is one no consumer may apply: each is malformed as
 * an envelope or of a type no consumer knows, so a consumer must park each one (and only these).
 *
 * <p>Reproducible: {@link #generate} takes a seed, and the tests print it.
 */
public final class HostileMessages {

    /** One generated record. {@code shape} says what was done to it, for a failure message. */
    public record Hostile(String shape, byte[] key, byte[] value, List<Header> headers) {
        public int size() {
            return value == null ? 0 : value.length;
        }
    }

    public record Header(String name, byte[] value) {}

    private static final List<String> KNOWN_TYPES = List.of("ReservationCreated", "ReservationCancelled", "MileageIncreased",
            "MileageDecreased", "CustomerRegistered", "ScheduleCreated", "ScheduleCancelled");

    private HostileMessages() {}

    /**
     * {@code count} hostile records, of which about {@code hugeShare} (0..1) are hundreds of
     * kilobytes, outside a jqwik property (a system test): the same seed gives the same records.
     */
    public static List<Hostile> generate(long seed, int count, double hugeShare) {
        seed(seed);
        return message(hugeShare).sampleStream().limit(count).toList();
    }

    /**
     * Seeds jqwik's source of randomness for this thread. Outside a property, jqwik samples with
     * it ({@code sampleStream}); its generators cannot be used directly there (they memoize into the
     * property's lifecycle store), so this is how a system test gets reproducible samples.
     */
    public static void seed(long seed) {
        SourceOfRandomness.create(Long.toString(seed));
    }

    public static Arbitrary<Hostile> message(double hugeShare) {
        int huge = (int) Math.round(hugeShare * 1000);
        Arbitrary<Shaped> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, notJson()),
                net.jqwik.api.Tuple.of(8, notUtf8()),
                net.jqwik.api.Tuple.of(10, longNumber()),
                net.jqwik.api.Tuple.of(6, deepNesting()),
                net.jqwik.api.Tuple.of(10, duplicatedMember()),
                net.jqwik.api.Tuple.of(10, mistypedField()),
                net.jqwik.api.Tuple.of(10, missingField()),
                net.jqwik.api.Tuple.of(10, unknownType()),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(new Shaped("no value", null))),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("", " ", "\n", "{}", "[]", "null", "0").map(t -> new Shaped("empty-ish", bytes(t)))),
                net.jqwik.api.Tuple.of(Math.max(0, huge), hugeString()));
        return Combinators.combine(value, key(), headers())
                .as((v, k, h) -> new Hostile(v.shape() + " / key " + k.shape() + " / " + h.size() + " headers", k.bytes(), v.bytes(), h));
    }

    private record Shaped(String shape, byte[] bytes) {}

    private static Arbitrary<Shaped> notJson() {
        return Arbitraries.strings().all().ofMaxLength(300)
                .filter(s -> !s.strip().startsWith("{"))
                .map(s -> new Shaped("not JSON", bytes(s)));
    }

    private static Arbitrary<Shaped> notUtf8() {
        Arbitrary<byte[]> bad = Arbitraries.of(new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
        return Combinators.combine(envelope(Arbitraries.of(KNOWN_TYPES)), bad, Arbitraries.integers().between(0, 100))
                .as((text, garbage, at) -> {
                    byte[] good = bytes(text);
                    int cut = Math.min(at, good.length);
                    byte[] spliced = new byte[good.length + garbage.length];
                    System.arraycopy(good, 0, spliced, 0, cut);
                    System.arraycopy(garbage, 0, spliced, cut, garbage.length);
                    System.arraycopy(good, cut, spliced, cut + garbage.length, good.length - cut);
                    return new Shaped("not UTF-8", spliced);
                });
    }

    private static Arbitrary<Shaped> longNumber() {
        return Combinators.combine(Arbitraries.of("eventId", "customerId", "data"), Arbitraries.integers().between(41, 5_000),
                        Arbitraries.of(KNOWN_TYPES))
                .as((field, digits, type) -> {
                    String number = "9".repeat(digits);
                    String envelope = envelopeText(type, UUID.randomUUID().toString(), "c-1");
                    String text = field.equals("data")
                            ? envelope.replace("\"data\":{}", "\"data\":{\"reservationId\":" + number + "}")
                            : envelope.replaceFirst("\"" + field + "\":[^,}]+", "\"" + field + "\":" + number);
                    return new Shaped(digits + "-digit " + field, bytes(text));
                });
    }

    private static Arbitrary<Shaped> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(33, 20_000), Arbitraries.of("[", "{\"a\":"), Arbitraries.of(KNOWN_TYPES))
                .as((depth, open, type) -> {
                    String close = open.equals("[") ? "]" : "}";
                    String data = open.repeat(depth) + "1" + close.repeat(depth);
                    return new Shaped("nested " + depth + " deep", bytes(envelopeText(type, UUID.randomUUID().toString(), "c-1").replace("\"data\":{}", "\"data\":" + data)));
                });
    }

    private static Arbitrary<Shaped> duplicatedMember() {
        return Combinators.combine(Arbitraries.of("eventId", "eventType", "customerId", "data", "occurredAt"), Arbitraries.of(KNOWN_TYPES))
                .as((field, type) -> {
                    String text = envelopeText(type, UUID.randomUUID().toString(), "c-1");
                    String doubled = text.substring(0, text.length() - 1) + ",\"" + field + "\":" + (field.equals("data") ? "{}" : "\"2\"") + "}";
                    return new Shaped(field + " twice", bytes(doubled));
                });
    }

    private static Arbitrary<Shaped> mistypedField() {
        return Combinators.combine(Arbitraries.of("eventId", "eventType", "occurredAt", "correlationId", "customerId", "data"),
                        Arbitraries.of("42", "true", "[]", "{\"x\":1}", "\"one\"", "-1", "1.5", "\"+10000-01-01T00:00:00Z\"", "\"\""),
                        Arbitraries.of(KNOWN_TYPES))
                .as((field, value, type) -> {
                    String text = envelopeText(type, UUID.randomUUID().toString(), "c-1")
                            .replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\{\\}|[0-9]+)", "\"" + field + "\":" + value);
                    return new Shaped(field + " = " + value, bytes(text));
                })
                // A mistyped field that happens to be of a right type (customerId "one") would make a valid envelope.
                .filter(s -> !s.shape().equals("customerId = \"one\"") && !s.shape().equals("data = {\"x\":1}")
                        && !(s.shape().startsWith("correlationId = \"") && !s.shape().equals("correlationId = \"\""))
                        && !(s.shape().startsWith("eventType = \"") && !s.shape().equals("eventType = \"\"")));
    }

    private static Arbitrary<Shaped> missingField() {
        return Combinators.combine(Arbitraries.of("eventId", "eventType", "occurredAt", "correlationId", "data"), Arbitraries.of(KNOWN_TYPES))
                .as((field, type) -> new Shaped("no " + field, bytes(envelopeText(type, UUID.randomUUID().toString(), "c-1")
                        .replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\{\\}|[0-9]+),?", ""))));
    }

    private static Arbitrary<Shaped> unknownType() {
        return envelope(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(60).map(s -> "Hostile" + s))
                .map(text -> new Shaped("unknown type", bytes(text)));
    }

    private static Arbitrary<Shaped> hugeString() {
        return Arbitraries.integers().between(100_000, 900_000)
                .map(length -> new Shaped(length + "-character string", bytes(envelopeText("HostileHuge", UUID.randomUUID().toString(), "c-1")
                        .replace("\"data\":{}", "\"data\":{\"note\":\"" + "x".repeat(length - 200) + "\"}"))));
    }

    private static Arbitrary<String> envelope(Arbitrary<String> types) {
        return types.map(type -> envelopeText(type, UUID.randomUUID().toString(), "c-1"));
    }

    private static String envelopeText(String type, String eventId, String customerId) {
        return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"" + type + "\",\"occurredAt\":\"2026-12-01T10:00:00Z\","
                + "\"correlationId\":\"hostile\",\"customerId\":\"" + customerId + "\",\"data\":{}}";
    }

    private record Key(String shape, byte[] bytes) {}

    private static Arbitrary<Key> key() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(new Key("none", null))),
                net.jqwik.api.Tuple.of(5, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(10).map(k -> new Key("short", bytes(k)))),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(201, 10_000).map(n -> new Key(n + " chars", bytes("k".repeat(n))))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Key("binary", new byte[] {(byte) 0xFF, 0, (byte) 0xC3}))));
    }

    /** A few headers of any size, or hundreds of small ones: at most about 100 KB in all, so every record stays under the broker's limit. */
    private static Arbitrary<List<Header>> headers() {
        Arbitrary<String> name = Arbitraries.strings().ofMinLength(0).ofMaxLength(40);
        Arbitrary<byte[]> anyValue = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.strings().ofMaxLength(50).map(HostileMessages::bytes)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1_000, 20_000).map(n -> bytes("v".repeat(n)))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new byte[] {(byte) 0xFF, (byte) 0xFE})),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((byte[]) null)));
        Arbitrary<Header> any = Combinators.combine(name, anyValue).as(Header::new);
        Arbitrary<Header> small = Combinators.combine(name, Arbitraries.strings().ofMaxLength(100).map(HostileMessages::bytes)).as(Header::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, any.list().ofMaxSize(3)),
                net.jqwik.api.Tuple.of(1, small.list().ofMinSize(100).ofMaxSize(400)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
