package com.msaair.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service as a caller in its own right, for what only a service may ask of another — reservation
 * opening and charging a payment — never on a person's behalf: the OAuth 2.0 client-credentials grant
 * of the service's own confidential client of the identity provider, whose service account has the
 * {@link Roles#SERVICE} role that no person has. The callee verifies the token like any other
 * (issuer, audience, signature, expiry) and admits it by that role.
 *
 * <p>The token is kept until shortly before it expires ({@link CachedToken}): one request to the
 * provider per token lifetime, not one per call. Configuration (environment variables override):
 * {@code msaair.service-identity.client-id}, {@code msaair.service-identity.client-secret} (never in
 * the repository: the local stack makes one, Kubernetes takes it from a Secret) and
 * {@code msaair.service-identity.token-url} (by default the issuer's
 * {@code /protocol/openid-connect/token}, Keycloak's).
 */
@ApplicationScoped
public class ServiceIdentity {

    private static final Logger LOG = Logger.getLogger(ServiceIdentity.class.getName());
    /** Assumed when the provider does not say how long its token lives (RFC 6749 makes expires_in optional). */
    private static final Duration UNSTATED_LIFETIME = Duration.ofSeconds(60);

    @Inject
    OidcSettings oidc;

    @Inject
    @ConfigProperty(name = "msaair.service-identity.token-url")
    Optional<URI> tokenUrl;

    @Inject
    @ConfigProperty(name = "msaair.service-identity.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "msaair.service-identity.client-secret")
    Optional<String> clientSecret;

    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile CachedToken token;

    /** {@code Bearer …} of this service; throws {@link ServiceIdentityUnavailableException} when it cannot get a token. */
    public String authorization() {
        CachedToken cached = token;
        if (cached == null) {
            synchronized (this) {
                if (token == null) {
                    token = new CachedToken(this::fetch, clock);
                }
                cached = token;
            }
        }
        return "Bearer " + cached.get();
    }

    private CachedToken.Issued fetch() {
        String id = clientId.filter(s -> !s.isBlank()).orElseThrow(() -> unavailable("msaair.service-identity.client-id is not set"));
        String secret = clientSecret.filter(s -> !s.isBlank())
                .orElseThrow(() -> unavailable("msaair.service-identity.client-secret is not set (MSAAIR_SERVICE_IDENTITY_CLIENT_SECRET)"));
        URI endpoint = tokenUrl.orElseGet(() -> URI.create(oidc.issuer() + "/protocol/openid-connect/token"));
        // client_secret_basic (RFC 6749 2.3.1): both parts form-encoded, then Basic.
        String basic = Base64.getEncoder().encodeToString((form(id) + ":" + form(secret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(3))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable(endpoint + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceIdentityUnavailableException("interrupted while asking " + endpoint + " for a token", e);
        }
        if (response.statusCode() != 200) {
            throw unavailable(endpoint + " refused client " + id + ": " + response.statusCode() + " " + abbreviate(response.body()));
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject answer = reader.readObject();
            String value = answer.getString("access_token", "");
            if (value.isEmpty()) {
                throw unavailable(endpoint + " answered without an access_token");
            }
            JsonNumber expiresIn = answer.getJsonNumber("expires_in");
            return new CachedToken.Issued(value, expiresIn == null ? UNSTATED_LIFETIME : Duration.ofSeconds(expiresIn.longValue()));
        } catch (JsonException | ClassCastException e) {
            throw unavailable(endpoint + " answered something that is not a token: " + abbreviate(response.body()));
        }
    }

    private static ServiceIdentityUnavailableException unavailable(String why) {
        LOG.warning(() -> "No token for this service: " + why);
        return new ServiceIdentityUnavailableException(why);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
