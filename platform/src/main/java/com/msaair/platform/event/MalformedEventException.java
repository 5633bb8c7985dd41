package com.msaair.platform.event;

import com.msaair.platform.json.FieldError;
import java.util.List;

/** A message that is not an event this service can read: bad JSON, a missing envelope field, an unknown type. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String reason) {
        super(reason);
    }

    /** A type the consumer of {@code channel} declared it handles but has no reader for. */
    public static MalformedEventException unknownType(String eventType) {
        return new MalformedEventException("unknown event type " + eventType);
    }

    public MalformedEventException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse("malformed event"));
    }
}
