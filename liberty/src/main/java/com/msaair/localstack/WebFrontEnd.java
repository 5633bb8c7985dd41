package com.msaair.localstack;

/**
 * The web front end: one more Liberty server ({@value #SERVER}, port {@value #PORT}), not one of the
 * {@link Service}s — it owns no data, consumes no events and serves no API — behind the gateway at
 * {@code /}. It signs people in as the realm's confidential client {@value #CLIENT_ID}.
 */
public final class WebFrontEnd {

    public static final String SERVER = "web";
    public static final int PORT = 9087;
    public static final String CLIENT_ID = "msaair-web";

    private WebFrontEnd() {}
}
