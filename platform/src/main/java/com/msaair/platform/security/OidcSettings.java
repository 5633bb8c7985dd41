package com.msaair.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The identity provider as the services' own code sees it (docs/configuration.md; environment
 * variables override, {@code OIDC_ISSUER}). The {@code oidc.*} settings are Liberty variables, with
 * their defaults in the shared {@code base.xml}, which also gives them to Liberty's token verifier
 * ({@code <mpJwt>}): the code reads the very same values and states no defaults of its own. The
 * {@code msaair.*} settings here are the platform's own, with their defaults.
 */
@ApplicationScoped
public class OidcSettings {

    static final String CLOCK_SKEW = "oidc.clock.skew";
    static final String ISSUER = "oidc.issuer";
    static final String PUBLIC_ISSUER = "oidc.public.issuer";

    /** Liberty's duration syntax: a whole number with its unit, several in a row (1m30s), or a bare number of milliseconds. */
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|d|h|m|s)");

    @Inject
    @ConfigProperty(name = "oidc.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "oidc.jwks.url")
    String jwksUrl;

    @Inject
    @ConfigProperty(name = "oidc.clock.skew")
    String clockSkew;

    @Inject
    @ConfigProperty(name = "msaair.oidc.keys-refresh-seconds", defaultValue = "5")
    long keysRefreshSeconds;

    @Inject
    @ConfigProperty(name = "msaair.security.refusal-log-seconds", defaultValue = "60")
    long refusalLogSeconds;

    /** Who issues the tokens the service takes (their {@code iss}). */
    public String issuer() {
        return issuer;
    }

    /** Where the provider publishes its keys. */
    public String jwksUrl() {
        return jwksUrl;
    }

    /**
     * The clock skew allowed on a token's expiry, read as Liberty reads the same setting.
     *
     * @throws IllegalArgumentException naming {@value #CLOCK_SKEW} when it is no duration
     */
    public Duration clockSkew() {
        return skew(clockSkew);
    }

    /** How often at most the provider is asked for its keys when a token names one it does not know. */
    public Duration keysRefresh() {
        return Duration.ofSeconds(keysRefreshSeconds);
    }

    /** How often at most refused tokens are logged, per reason. */
    public Duration refusalLogInterval() {
        return Duration.ofSeconds(refusalLogSeconds);
    }

    /**
     * The provider's address as browsers reach it ({@value #PUBLIC_ISSUER}, by default the issuer), for
     * the OpenAPI UI's sign-in; read from {@code config} by the OpenAPI filter, which CDI does not make.
     */
    public static String publicIssuer(Config config) {
        return config.getOptionalValue(PUBLIC_ISSUER, String.class).orElseGet(() -> config.getValue(ISSUER, String.class));
    }

    /**
     * A clock skew as Liberty reads it ({@code 5s}, {@code 500ms}, {@code 1m30s}; a bare number is
     * milliseconds).
     *
     * @throws IllegalArgumentException naming {@value #CLOCK_SKEW} for anything else
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
            throw new IllegalArgumentException(CLOCK_SKEW + " must be a duration such as 5s, 500ms or 1m30s, not \"" + setting + "\"");
        }
        return total;
    }
}
