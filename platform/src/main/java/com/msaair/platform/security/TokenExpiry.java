package com.msaair.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a token is past its expiry, by the rule Liberty's verifier applies: taken until the clock is
 * past {@code exp} plus the clock skew, {@code oidc.clock.skew} — the very setting base.xml gives the
 * verifier ({@code <mpJwt clockSkew>}), in Liberty's duration syntax.
 *
 * <p>Why the services check it themselves, on every request: Liberty's authentication cache keeps the
 * subject it made from a token, and with it an expired token was still taken. With this check in front
 * of the verifier ({@link BearerAuthentication}) the cache saves the work of a subject per request and
 * never answers for a token past its expiry (docs/architecture.md, "Identity and access").
 */
@ApplicationScoped
public class TokenExpiry {

    static final String SKEW = "oidc.clock.skew";

    /** Liberty's duration syntax: a whole number with its unit, several in a row (1m30s), or a bare number of milliseconds. */
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|d|h|m|s)");

    @Inject
    @ConfigProperty(name = SKEW, defaultValue = "5s")
    String skewSetting;

    @Inject
    Clock clock;

    private Duration skew;

    @PostConstruct
    void init() {
        skew = skew(skewSetting);
    }

    /** Whether a token that expires at {@code expiresAt} is no longer taken now. */
    boolean passed(Instant expiresAt) {
        return clock.instant().isAfter(expiresAt.plus(skew));
    }

    /**
     * A clock skew as Liberty reads it ({@code 5s}, {@code 500ms}, {@code 1m30s}; a bare number is
     * milliseconds).
     *
     * @throws IllegalArgumentException naming {@value #SKEW} for anything else
     */
    static Duration skew(String setting) {
        String text = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
        if (text.matches("\\d{1,12}")) {
            return Duration.ofMillis(Long.parseLong(text));
        }
        Matcher part = PART.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < text.length() && part.find(at) && part.start() == at) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            at = part.end();
        }
        if (text.isEmpty() || at != text.length()) {
            throw new IllegalArgumentException(SKEW + " must be a duration such as 5s, 500ms or 1m30s, not \"" + setting + "\"");
        }
        return total;
    }
}
