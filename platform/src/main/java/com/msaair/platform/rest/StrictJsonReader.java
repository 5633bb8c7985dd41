package com.msaair.platform.rest;

import com.msaair.platform.json.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a request body as exactly one UTF-8 JSON value. The default JSON-P reader stops after the first
 * value, so {@code {...}{"more":1}} was accepted, and it builds nested values recursively, so a
 * few thousand nested arrays overflowed the stack. No body of this API nests more than a few levels.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class StrictJsonReader implements MessageBodyReader<JsonValue> {

    static final int MAX_DEPTH = 16;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonValue.class.isAssignableFrom(type);
    }

    @Override
    public JsonValue readFrom(Class<JsonValue> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        String charset = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            // RFC 8259: JSON exchanged between systems is UTF-8; a body that says otherwise is refused, not guessed at.
            throw new NotSupportedException(Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "JSON bodies must be UTF-8").toResponse());
        }
        byte[] body = entity.readAllBytes(); // bounded by BodySizeLimit
        if (body.length == 0) {
            throw new InvalidRequestException("body", "is required");
        }
        checkShape(body);
        try (JsonReader reader = JsonSupport.reader(new ByteArrayInputStream(body))) {
            return reader.readValue();
        }
    }

    /** Exactly one value, nested at most {@link #MAX_DEPTH} deep. */
    private static void checkShape(byte[] body) {
        int depth = 0;
        boolean seenValue = false;
        try (JsonParser parser = JsonSupport.parser(new ByteArrayInputStream(body))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (depth == 0 && seenValue) {
                    throw new InvalidRequestException("body", "must be a single JSON value");
                }
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > MAX_DEPTH) {
                            throw new InvalidRequestException("body", "is nested more than " + MAX_DEPTH + " levels deep");
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> {
                        // a scalar
                    }
                }
                if (depth == 0) {
                    seenValue = true;
                }
            }
        } catch (JsonException e) {
            throw new InvalidRequestException("body", "must be a valid JSON object");
        }
    }
}
