package com.msaair.platform.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Request bodies arrive as any JSON value (an array, a number, nothing at all); every endpoint of
 * this API takes an object, and says so naming {@code body} instead of failing in the framework.
 */
public final class RequestBodies {

    private RequestBodies() {}

    public static JsonObject requireObject(JsonValue body) {
        if (body == null || body.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidRequestException("body", "is required");
        }
        if (!(body instanceof JsonObject object)) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        return object;
    }
}
