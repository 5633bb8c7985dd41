package com.msaair.web.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/** A service's answer: its status and its JSON body (a problem+json for an error), if any. */
public record Reply(int status, JsonValue body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public JsonObject json() {
        return body != null && body.getValueType() == JsonValue.ValueType.OBJECT ? body.asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** The problem's {@code type}, e.g. {@code urn:problem:msaair:sold-out}. */
    public String problemType() {
        return json().getString("type", "about:blank");
    }

    public String detail() {
        return json().getString("detail", "");
    }

    /** The message the problem gives for {@code field}, if it names it. */
    public Optional<String> fieldMessage(String field) {
        JsonArray errors = json().getJsonArray("errors");
        if (errors == null) {
            return Optional.empty();
        }
        return errors.getValuesAs(JsonObject.class).stream()
                .filter(e -> field.equals(e.getString("field", null)))
                .map(e -> e.getString("message", ""))
                .findFirst();
    }

    /** Every field the problem names. */
    public List<String> fields() {
        JsonArray errors = json().getJsonArray("errors");
        return errors == null ? List.of() : errors.getValuesAs(JsonObject.class).stream().map(e -> e.getString("field", "")).toList();
    }
}
