package com.msaair.platform.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.InputStream;
import java.io.Reader;
import java.util.Map;

/**
 * JSON-P factories looked up once. The static {@code Json.createXxx()} methods find the provider
 * anew on every call (a ServiceLoader lookup and class-loader scans): measurable on every event and
 * every request.
 */
public final class JsonSupport {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());
    private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());

    private JsonSupport() {}

    public static JsonObjectBuilder objectBuilder() {
        return BUILDERS.createObjectBuilder();
    }

    public static JsonArrayBuilder arrayBuilder() {
        return BUILDERS.createArrayBuilder();
    }

    public static JsonReader reader(Reader text) {
        return READERS.createReader(text);
    }

    public static JsonReader reader(InputStream bytes) {
        return READERS.createReader(bytes);
    }

    public static JsonParser parser(InputStream bytes) {
        return PARSERS.createParser(bytes);
    }

    public static JsonParser parser(Reader text) {
        return PARSERS.createParser(text);
    }
}
