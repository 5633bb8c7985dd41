package com.msaair.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Which signing keys the identity provider publishes ({@code oidc.jwks.url}, the JWKS Liberty's
 * MP-JWT verifies with, base.xml), asked at most every {@code msaair.oidc.keys-refresh-seconds} (5).
 *
 * <p>Why: Liberty's verifier fetches the provider's whole key set again for every token that names a key
 * it does not hold — no cache of misses, no minimum interval, no setting for either (checked in Open
 * Liberty 26.0.0.3: {@code JwKRetriever.getJwkRemote}) — and it does so holding the lock every token
 * verification of the server takes, and keeping a fresh copy of every key it fetched for ten minutes.
 * Tokens naming made-up keys therefore cost the provider a request each, slowed every caller of the
 * service, and grew its heap. {@link BearerTokens} asks this first and refuses such a token
 * before the verifier sees it.
 */
@ApplicationScoped
public class ProviderKeys {

    private static final Logger LOG = Logger.getLogger(ProviderKeys.class.getName());

    @Inject
    OidcSettings oidc;

    @Inject
    Clock clock;

    private HttpClient http;
    private KnownKeys known;
    private ThrottledLog failures;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).version(HttpClient.Version.HTTP_1_1).build();
        known = new KnownKeys(this::fetch, clock, oidc.keysRefresh());
        failures = new ThrottledLog(LOG, clock, Duration.ofMinutes(1));
    }

    /** Whether the provider publishes a key with this id (asking it again if it may have a new one). */
    public boolean publishes(String keyId) {
        return known.contains(keyId);
    }

    private Optional<Set<String>> fetch() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(oidc.jwksUrl())).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("answered " + response.statusCode());
            }
            return Optional.of(keyIds(response.body()));
        } catch (IOException | JsonException | IllegalArgumentException e) {
            failures.warn("fetch", count -> "The identity provider's keys (" + oidc.jwksUrl() + ") could not be read (" + count
                    + " time(s) since the last such line): " + e.getMessage() + "; the keys read before still count");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The {@code kid} of every key of a JWKS document (RFC 7517). */
    static Set<String> keyIds(String jwks) {
        JsonObject document;
        try (JsonReader reader = Json.createReader(new StringReader(jwks))) {
            document = reader.readObject();
        }
        if (!(document.get("keys") instanceof JsonArray keys)) {
            throw new JsonException("not a JWKS document: no \"keys\" array");
        }
        Set<String> ids = new HashSet<>();
        for (JsonValue key : keys) {
            if (key instanceof JsonObject jwk && jwk.get("kid") instanceof JsonString kid) {
                ids.add(kid.getString());
            }
        }
        return ids;
    }
}
