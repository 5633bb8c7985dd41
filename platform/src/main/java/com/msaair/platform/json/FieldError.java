package com.msaair.platform.json;

/** One thing wrong with one field of a request or an event, named so a client can fix it. */
public record FieldError(String field, String message) {}
