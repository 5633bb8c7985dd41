package com.msaair.platform.rest;

import com.msaair.platform.json.JsonShape;
import com.msaair.platform.json.JsonSupport;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
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
 * Reads a request body as exactly one UTF-8 JSON value of a shape this API can hold ({@link JsonShape}):
 * the default JSON-P reader stops after the first value, so {@code {...}{"more":1}} was accepted; it
 * builds nested values recursively, so a few thousand nested arrays overflowed the stack; a number of
 * 1,200 digits made it throw an UnsupportedOperationException (a 500); and of a member named twice it
 * kept the last, so {@code {"customerId":1,"customerId":2}} booked for customer 2.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class StrictJsonReader implements MessageBodyReader<JsonValue> {

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

    /** Exactly one value of the shape {@link JsonShape#REQUEST} allows; the first thing wrong is named. */
    private static void checkShape(byte[] body) {
        try {
            JsonShape.REQUEST.check(body);
        } catch (JsonShape.ShapeException e) {
            throw new InvalidRequestException(e.error().field(), e.error().message());
        }
    }
}
