package com.msaair.platform.security;

import com.msaair.platform.json.JsonShape;
import com.msaair.platform.json.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@code Authorization} header presents, read without trusting any of it: whether it is a
 * bearer token at all (RFC 6750: {@code Bearer}, any case, then a b64token), whether that token has the
 * shape of a JWT, and the key id and expiry it claims. Only the verifier (Liberty's MP-JWT) decides
 * whether it is true; this decides what is not worth asking it about, and names a refusal. Its parts
 * pass {@link JsonShape} before a tree is made of them, like every JSON text from outside: a header
 * of thousands of nested arrays must not reach the tree builder, and a member named twice ({@code exp})
 * is no claim at all.
 */
record PresentedToken(Shape shape, Optional<String> keyId, String claims) {

    enum Shape {
        /** Not {@code Bearer <token>}: a bare token, another scheme, nothing after the scheme. */
        NOT_BEARER,
        /** A bearer token that is not a JWT: not three base64url parts with a JSON object for a header. */
        MALFORMED,
        JWT
    }

    private static final Pattern BEARER = Pattern.compile("(?i)Bearer +([A-Za-z0-9\\-._~+/]+=*)");

    static PresentedToken read(String authorization) {
        Matcher bearer = BEARER.matcher(authorization);
        if (!bearer.matches()) {
            return new PresentedToken(Shape.NOT_BEARER, Optional.empty(), "");
        }
        String[] parts = bearer.group(1).split("\\.", -1);
        Optional<JsonObject> header = parts.length == 3 ? decode(parts[0]) : Optional.empty();
        if (header.isEmpty()) {
            return new PresentedToken(Shape.MALFORMED, Optional.empty(), "");
        }
        Optional<String> keyId = Optional.ofNullable(header.get().get("kid"))
                .filter(kid -> kid.getValueType() == JsonValue.ValueType.STRING)
                .map(kid -> ((JsonString) kid).getString());
        return new PresentedToken(Shape.JWT, keyId, parts[1]);
    }

    /** The expiry the token claims: read on every request, as the verifier's cache does not look at it (BearerTokens). */
    Optional<Instant> expiresAt() {
        return decode(claims).flatMap(PresentedToken::expiry);
    }

    private static Optional<Instant> expiry(JsonObject claims) {
        if (!(claims.get("exp") instanceof JsonNumber exp)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(exp.longValueExact()));
        } catch (ArithmeticException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<JsonObject> decode(String part) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
            JsonShape.REQUEST.check(json);
            try (JsonReader reader = JsonSupport.reader(new StringReader(json))) {
                return Optional.of(reader.readObject());
            }
        } catch (IllegalArgumentException | JsonException | ClassCastException | JsonShape.ShapeException e) {
            return Optional.empty();
        }
    }
}
