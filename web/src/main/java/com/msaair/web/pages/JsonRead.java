package com.msaair.web.pages;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;

/** Lenient reading of the services' JSON for display: a missing or null member is null (or 0), never an exception. */
final class JsonRead {

    private JsonRead() {}

    static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }

    static long number(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonNumber n ? n.longValue() : 0;
    }

    static Instant instant(JsonObject object, String name) {
        String text = string(object, name);
        return text == null ? null : Instant.parse(text);
    }

    static JsonObject object(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonObject o ? o : null;
    }

    static List<JsonObject> objects(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray().getValuesAs(JsonObject.class) : List.of();
    }

    static List<String> strings(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.ARRAY
                ? value.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
    }
}
