package com.msaair.platform.json;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks the shape of a JSON text with the streaming parser before anything builds a tree of it, so
 * the tree builder and the field readers only ever see JSON this system can hold.
 *
 * <p>Exactly one value; nested at most {@code maxDepth} deep (the tree builder recurses, and a few
 * thousand levels overflowed the stack); numbers of at most {@code maxNumberLength} characters
 * (Parsson refuses to make a BigDecimal of more than 1,100 with an UnsupportedOperationException,
 * which nothing expects; no number of this system needs more than 20 digits); no member name twice
 * in one object (RFC 8259 leaves duplicates undefined and parsers disagree on which one wins — a
 * body naming {@code customerId} twice must not mean one thing to a check and another to the
 * booking).
 */
public final class JsonShape {

    public static final JsonShape REQUEST = new JsonShape(16, 40);
    public static final JsonShape EVENT = new JsonShape(32, 40);

    private final int maxDepth;
    private final int maxNumberLength;

    public JsonShape(int maxDepth, int maxNumberLength) {
        this.maxDepth = maxDepth;
        this.maxNumberLength = maxNumberLength;
    }

    /** What is wrong with a JSON text, and where: {@code field} is a dotted path, or {@code body} for the whole. */
    public static final class ShapeException extends RuntimeException {
        private final transient FieldError error;

        ShapeException(String field, String message) {
            super(field + " " + message);
            this.error = new FieldError(field, message);
        }

        public FieldError error() {
            return error;
        }
    }

    /** Throws a {@link ShapeException} unless {@code json} is one well-formed value of the allowed shape. */
    public void check(byte[] json) {
        check(JsonSupport.parser(new ByteArrayInputStream(json)));
    }

    /** The same for a text already decoded. */
    public void check(String json) {
        check(JsonSupport.parser(new StringReader(json)));
    }

    private void check(JsonParser opened) {
        Deque<Set<String>> objects = new ArrayDeque<>();
        Deque<String> path = new ArrayDeque<>();
        String member = null;
        int depth = 0;
        boolean seenValue = false;
        try (JsonParser parser = opened) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (depth == 0 && seenValue) {
                    throw new ShapeException("body", "must be a single JSON value");
                }
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > maxDepth) {
                            throw new ShapeException(where(path, member), "is nested more than " + maxDepth + " levels deep");
                        }
                        path.push(member == null ? "" : member);
                        member = null;
                        objects.push(event == JsonParser.Event.START_OBJECT ? new HashSet<>() : Set.of());
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        objects.pop();
                        path.pop();
                        member = null;
                    }
                    case KEY_NAME -> {
                        member = parser.getString();
                        if (!objects.peek().add(member)) {
                            throw new ShapeException(where(path, member), "appears more than once");
                        }
                    }
                    case VALUE_NUMBER -> {
                        if (parser.getString().length() > maxNumberLength) {
                            throw new ShapeException(where(path, member), "is a number of more than " + maxNumberLength + " characters");
                        }
                        member = null;
                    }
                    default -> member = null;
                }
                if (depth == 0) {
                    seenValue = true;
                }
            }
        } catch (JsonException e) {
            throw new ShapeException("body", "must be valid JSON");
        } catch (RuntimeException e) {
            if (e instanceof ShapeException) {
                throw e;
            }
            // Whatever else the parser may throw on some input is still a text that is not JSON we take.
            throw new ShapeException("body", "must be valid JSON");
        }
    }

    private static String where(Deque<String> path, String member) {
        StringBuilder name = new StringBuilder();
        // The deque is a stack: iterate from the outermost level inwards.
        var levels = path.descendingIterator();
        while (levels.hasNext()) {
            String level = levels.next();
            if (!level.isEmpty()) {
                name.append(name.length() == 0 ? "" : ".").append(level);
            }
        }
        if (member != null) {
            name.append(name.length() == 0 ? "" : ".").append(member);
        }
        return name.length() == 0 ? "body" : truncate(name.toString());
    }

    private static String truncate(String field) {
        return field.length() <= 100 ? field : field.substring(0, 100) + "...";
    }
}
