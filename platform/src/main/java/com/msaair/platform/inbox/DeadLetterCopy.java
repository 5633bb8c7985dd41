package com.msaair.platform.inbox;

import com.msaair.platform.json.JsonSupport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The copy of a parked message that goes to {@code <topic>.DLT}: verbatim where that is possible,
 * otherwise a truncated copy that says so, so that parking can never fail on the message's size or
 * shape. The limits are the outbox's columns (key 200 characters, headers 4,000 as JSON) and a value
 * budget that leaves room below the broker's 1 MB record limit for the headers parking adds.
 *
 * <ul>
 *   <li>a value or key that is not UTF-8 travels as Base64 ({@code dlt.value.encoding: base64});
 *   <li>a value over the budget is cut ({@code dlt.value.truncated: <original bytes>});
 *   <li>a key over 200 characters is cut ({@code dlt.key.truncated: <original length>});
 *   <li>the original headers follow the parking headers for as long as they fit, each value cut to
 *       256 characters; what did not fit is counted in {@code dlt.headers.dropped}.
 * </ul>
 */
record DeadLetterCopy(String key, String value, Map<String, String> headers) {

    static final int MAX_KEY = 200;
    static final int MAX_HEADERS_JSON = 4_000;
    static final int MAX_HEADER_VALUE = 256;
    static final int MAX_REASON = 300;
    /** Bytes of value a DLT record may carry: 768 KiB, well below the broker's default of 1 MiB per record. */
    static final int MAX_VALUE_BYTES = 768 * 1024;

    static final String HEADER_VALUE_ENCODING = "dlt.value.encoding";
    static final String HEADER_KEY_ENCODING = "dlt.key.encoding";
    static final String HEADER_VALUE_TRUNCATED = "dlt.value.truncated";
    static final String HEADER_KEY_TRUNCATED = "dlt.key.truncated";
    static final String HEADER_HEADERS_DROPPED = "dlt.headers.dropped";

    static DeadLetterCopy of(ReceivedMessage message, Map<String, String> parkingHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        parkingHeaders.forEach((name, value) -> headers.put(name, cut(value, MAX_REASON)));

        String value = null;
        if (message.value() != null) {
            value = message.text().orElse(null);
            if (value == null) {
                value = Base64.getEncoder().encodeToString(message.value());
                headers.put(HEADER_VALUE_ENCODING, "base64");
            }
            if (value.length() > MAX_VALUE_BYTES / 4 && value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
                value = cutToBytes(value, MAX_VALUE_BYTES);
                headers.put(HEADER_VALUE_TRUNCATED, String.valueOf(message.size()));
            }
        }

        String key = null;
        if (message.key() != null) {
            key = message.keyText().orElse(null);
            if (key == null) {
                key = Base64.getEncoder().encodeToString(message.key());
                headers.put(HEADER_KEY_ENCODING, "base64");
            }
            if (key.length() > MAX_KEY) {
                headers.put(HEADER_KEY_TRUNCATED, String.valueOf(key.length()));
                key = cut(key, MAX_KEY);
            }
        }

        int room = MAX_HEADERS_JSON - jsonLength(headers) - 40; // 40: room for the dropped-count header itself
        int dropped = 0;
        for (ReceivedMessage.RawHeader header : message.headers()) {
            String name = cut(header.name() == null ? "" : header.name(), 100);
            String text = header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
            text = cut(text, MAX_HEADER_VALUE);
            int cost = jsonLength(Map.of(name, text)) + 1;
            if (headers.containsKey(name) || cost > room) {
                dropped++;
                continue;
            }
            headers.put(name, text);
            room -= cost;
        }
        if (dropped > 0) {
            headers.put(HEADER_HEADERS_DROPPED, String.valueOf(dropped));
        }
        if (jsonLength(headers) > MAX_HEADERS_JSON) {
            // Only when the parking headers themselves are huge once escaped (a reason full of control characters).
            Map<String, String> essential = new LinkedHashMap<>();
            headers.forEach((name, text) -> {
                if (parkingHeaders.containsKey(name) || name.startsWith("dlt.")) {
                    essential.put(name, cut(text.replaceAll("\\p{Cntrl}", "?"), 100));
                }
            });
            essential.put(HEADER_HEADERS_DROPPED, String.valueOf(message.headers().size()));
            return new DeadLetterCopy(key, value, essential);
        }
        return new DeadLetterCopy(key, value, headers);
    }

    static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return text.substring(0, end);
    }

    private static String cutToBytes(String text, int maxBytes) {
        // Each char is at most 3 bytes in UTF-8 (a surrogate pair 4 for two chars): a third of the budget always fits.
        int low = maxBytes / 3;
        int high = Math.min(text.length(), maxBytes);
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (cut(text, mid).getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return cut(text, low);
    }

    private static int jsonLength(Map<String, String> headers) {
        var json = JsonSupport.objectBuilder();
        headers.forEach(json::add);
        return json.build().toString().length();
    }
}
