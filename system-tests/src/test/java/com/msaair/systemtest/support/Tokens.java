package com.msaair.systemtest.support;

import com.msaair.localstack.Identities;
import com.msaair.localstack.KeycloakServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Tokens that must be refused, made the way an attacker or a misconfiguration would: expired, with a
 * broken signature, from another issuer (a second realm of the same Keycloak: its own keys, its own
 * {@code iss}), for another audience, unsigned ({@code alg: none}), naming a key nobody publishes, with
 * its expiry moved, and a valid one sent without its {@code Bearer} scheme.
 */
public final class Tokens {

    /** The other realm, made once per run through the admin API. */
    public static final String OTHER_REALM = "elsewhere";

    private static volatile String otherIssuerToken;

    private Tokens() {}

    /** A real token of {@code bearer}'s kind, its signature's first character changed. */
    public static String tampered(String bearer) {
        // The signature's first character, not its last: the last one of a base64url RS256 signature
        // carries two padding bits a decoder ignores, so changing it can leave the signature intact.
        String token = bearer.replaceFirst("^Bearer ", "");
        int signature = token.lastIndexOf('.') + 1;
        char first = token.charAt(signature);
        return "Bearer " + token.substring(0, signature) + (first == 'A' ? 'B' : 'A') + token.substring(signature + 1);
    }

    /**
     * A real token with its {@code exp} moved to {@code expires}, its header and signature as they were:
     * what someone holding an expired token would try against a server that had taken it.
     */
    public static String withExpiry(String bearer, java.time.Instant expires) {
        String[] parts = bearer.replaceFirst("^Bearer ", "").split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String moved = claims.replaceFirst("\"exp\"\\s*:\\s*\\d+", "\"exp\":" + expires.getEpochSecond());
        if (moved.equals(claims)) {
            throw new IllegalArgumentException("the token has no exp to move: " + claims);
        }
        return "Bearer " + parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(moved.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** The claims of a real token under a header saying "alg: none", and no signature. */
    public static String unsigned(String bearer) {
        String[] parts = bearer.replaceFirst("^Bearer ", "").split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return "Bearer " + header + "." + parts[1] + ".";
    }

    /** A real token's claims and signature under a header naming a key nobody publishes: it costs the provider nothing. */
    public static String unknownKey(String bearer) {
        String[] parts = bearer.replaceFirst("^Bearer ", "").split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"made-up-" + java.util.UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        return "Bearer " + header + "." + parts[1] + "." + parts[2];
    }

    /** A real, valid token with no scheme before it: not a bearer token (RFC 6750), whatever it carries. */
    public static String bare(String bearer) {
        return bearer.replaceFirst("^Bearer ", "");
    }

    /** The demo manager's token from the client {@code elsewhere}: a token of the right issuer, not meant for MSA Air. */
    public static String otherAudience() {
        return "Bearer " + SystemStack.identities().freshToken("sora", "dev-only-sora", "elsewhere");
    }

    private static volatile String expiredToken;

    /**
     * A manager's token that has expired: a 10-second token made once per run, the first time it is asked
     * for — the stack asks as it starts, so the tests find it long expired instead of waiting it out each.
     */
    public static synchronized String expired() {
        if (expiredToken == null) {
            expiredToken = shortLived();
        }
        return expiredToken;
    }

    /** A 10-second token of the demo manager (client msaair-cli-short). */
    public static String shortLived() {
        return "Bearer " + SystemStack.identities().freshToken("sora", "dev-only-sora", "msaair-cli-short");
    }

    /**
     * A manager's token from another realm: same roles, same audience, same claims' shape — but
     * another issuer, signed with that realm's keys.
     */
    public static synchronized String otherIssuer() {
        if (otherIssuerToken == null) {
            KeycloakServer keycloak = SystemStack.stack().keycloak();
            Identities identities = SystemStack.identities();
            String realm = "{\"realm\":\"" + OTHER_REALM + "\",\"enabled\":true,\"sslRequired\":\"none\",\"accessTokenLifespan\":3600,"
                    + "\"roles\":{\"realm\":[{\"name\":\"manager\"},{\"name\":\"customer\"},{\"name\":\"operator\"}]},"
                    + "\"clients\":[{\"clientId\":\"msaair-cli\",\"publicClient\":true,\"standardFlowEnabled\":false,\"directAccessGrantsEnabled\":true,"
                    + "\"defaultClientScopes\":[\"basic\",\"profile\",\"email\",\"roles\",\"microprofile-jwt\"],"
                    + "\"protocolMappers\":[{\"name\":\"aud\",\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\","
                    + "\"config\":{\"included.custom.audience\":\"msaair\",\"access.token.claim\":\"true\"}}]}],"
                    + "\"users\":[{\"username\":\"mallory\",\"enabled\":true,\"email\":\"mallory@example.com\",\"emailVerified\":true,"
                    + "\"firstName\":\"Mallory\",\"lastName\":\"Elsewhere\","
                    + "\"credentials\":[{\"type\":\"password\",\"value\":\"elsewhere-only\",\"temporary\":false}],"
                    + "\"realmRoles\":[\"manager\",\"customer\",\"operator\"]}]}";
            send(HttpRequest.newBuilder(URI.create(keycloak.url() + "/admin/realms"))
                    .header("Authorization", "Bearer " + identities.adminToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(realm)), 201);
            String answer = send(HttpRequest.newBuilder(URI.create(keycloak.url() + "/realms/" + OTHER_REALM + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=msaair-cli&username=mallory&password=elsewhere-only")), 200);
            otherIssuerToken = "Bearer " + answer.replaceFirst("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        }
        return otherIssuerToken;
    }

    private static String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
