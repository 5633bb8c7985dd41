package com.msaair.web.pages;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A card processor's decline reasons (card_declined, insufficient_funds, ...) and hold_expired, as bundle keys. */
final class Reasons {

    /** The reasons the bundles have words for; any other shows as "declined by the card issuer". */
    static final java.util.Set<String> KNOWN = java.util.Set.of("card_declined", "insufficient_funds", "hold_expired");
    /** How reservation words a decline: "... was declined: insufficient_funds; its seats were released". */
    private static final Pattern DECLINED = Pattern.compile("declined: ([a-z_]+)");

    private Reasons() {}

    static String key(String reason) {
        return reason != null && KNOWN.contains(reason.toLowerCase(Locale.ROOT)) ? "reason." + reason.toLowerCase(Locale.ROOT) : "reason.other";
    }

    /** The reason code in a decline's message, or the message itself when it names none. */
    static String fromDecline(String message) {
        Matcher m = DECLINED.matcher(message == null ? "" : message);
        return m.find() ? m.group(1) : message;
    }
}
