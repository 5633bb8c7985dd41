package com.msaair.systemtest.support;

import java.util.regex.Pattern;

/**
 * What Liberty's web container refuses itself ({@code CWWWC0005I}, a fixed HTML line) before any
 * virtual host or application is chosen, so no application code — JAX-RS mapper, error page — can
 * answer it: a path holding an encoded control character ({@code %00}-{@code %1F}, {@code %7F}) or a
 * segment that begins with an encoded {@code ;} (also after an encoded {@code /}). It is a 400, but not problem+json (a documented
 * limit, docs/architecture.md).
 */
public final class WebContainer {

    private static final Pattern REFUSED = Pattern.compile("(?i)%(0[0-9a-f]|1[0-9a-f]|7f)|(/|%2f|%5c)%3b");

    private WebContainer() {}

    /** Whether the container refuses this raw (still percent-encoded) path before the application sees it. */
    public static boolean refusesBeforeTheApplication(String rawPath) {
        int query = rawPath.indexOf('?');
        return REFUSED.matcher(query < 0 ? rawPath : rawPath.substring(0, query)).find();
    }
}
