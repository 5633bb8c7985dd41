package com.msaair.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * People of the local stack's realm, for the tools that act as them (the system tests, the benchmark,
 * the rehearsal): makes users through Keycloak's admin API, signs them in with the command-line
 * client (password grant) and keeps each one's token until shortly before it expires; and, for the
 * tests that call payment as reservation does, reservation's own service identity.
 */
public final class Identities {

    /** A user of the realm; {@code subject} is who the tokens say they are (a customer's id). */
    public record Person(String username, String password, String subject) {}

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
    private static final Pattern RESULT = Pattern.compile("\"resourceName\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Token(String value, Instant expires) {}

    private final KeycloakServer keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private volatile Token admin;

    public Identities(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    /** A new user with {@code role} (customer, manager or operator), a random password and an e-mail address of example.com. */
    public Person newUser(String username, String role) {
        return newUsers(List.of(username), role).get(0);
    }

    /** New users, made in one request (Keycloak's partial import): a thousand take about a second. */
    public List<Person> newUsers(List<String> usernames, String role) {
        List<String> passwords = new ArrayList<>();
        StringBuilder users = new StringBuilder();
        for (String username : usernames) {
            String password = randomPassword();
            passwords.add(password);
            users.append(users.isEmpty() ? "" : ",").append("{\"username\":\"").append(username).append("\",\"enabled\":true,")
                    .append("\"email\":\"").append(username).append("@example.com\",\"emailVerified\":true,")
                    .append("\"firstName\":\"").append(username).append("\",\"lastName\":\"Test\",")
                    .append("\"credentials\":[{\"type\":\"password\",\"value\":\"").append(password).append("\",\"temporary\":false}],")
                    .append("\"realmRoles\":[\"").append(role).append("\"]}");
        }
        String answer = send(HttpRequest.newBuilder(URI.create(keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + "/partialImport"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ifResourceExists\":\"FAIL\",\"users\":[" + users + "]}")), 200);
        Map<String, String> ids = new java.util.HashMap<>();
        Matcher m = RESULT.matcher(answer);
        while (m.find()) {
            ids.put(m.group(1), m.group(2));
        }
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < usernames.size(); i++) {
            String id = ids.get(usernames.get(i).toLowerCase(java.util.Locale.ROOT));
            if (id == null) {
                throw new IllegalStateException("Keycloak did not say the id of " + usernames.get(i) + ": " + answer);
            }
            people.add(new Person(usernames.get(i), passwords.get(i), id));
        }
        return people;
    }

    /** "Bearer …" for {@code person}: a token kept until a minute before it expires. */
    public String bearer(Person person) {
        return bearer(person.username(), person.password());
    }

    public String bearer(String username, String password) {
        Token token = tokens.get(username);
        if (token == null || Instant.now().isAfter(token.expires().minusSeconds(60))) {
            token = signIn(username, password, "msaair-cli");
            tokens.put(username, token);
        }
        return "Bearer " + token.value();
    }

    /**
     * "Bearer …" of reservation's service identity: the client-credentials grant of its own client
     * ({@link ServiceClient}) with the secret the stack made — the one token payment takes for a charge.
     * Kept until a minute before it expires.
     */
    public String serviceBearer() {
        String key = "client:" + ServiceClient.RESERVATION;
        Token token = tokens.get(key);
        if (token == null || Instant.now().isAfter(token.expires().minusSeconds(60))) {
            token = obtain(keycloak.tokenEndpoint(), Map.of("grant_type", "client_credentials", "client_id", ServiceClient.RESERVATION,
                    "client_secret", keycloak.clientSecret(ServiceClient.RESERVATION)), ServiceClient.RESERVATION);
            tokens.put(key, token);
        }
        return "Bearer " + token.value();
    }

    /** A new token for {@code username} from {@code clientId} (msaair-cli, or msaair-cli-short for 10-second tokens). */
    public String freshToken(String username, String password, String clientId) {
        return signIn(username, password, clientId).value();
    }

    /** Who a token says its bearer is. */
    public static String subjectOf(String token) {
        String[] parts = token.replaceFirst("^Bearer ", "").split("\\.");
        Matcher m = SUBJECT.matcher(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalArgumentException("the token has no subject");
        }
        return m.group(1);
    }

    /** A token of the master realm's administrator (for the admin API). */
    public String adminToken() {
        Token token = admin;
        if (token == null || Instant.now().isAfter(token.expires().minusSeconds(15))) {
            token = signIn(keycloak.url() + "/realms/master/protocol/openid-connect/token", KeycloakServer.ADMIN, keycloak.adminPassword(), "admin-cli");
            admin = token;
        }
        return token.value();
    }

    private Token signIn(String username, String password, String clientId) {
        return signIn(keycloak.tokenEndpoint(), username, password, clientId);
    }

    private Token signIn(String endpoint, String username, String password, String clientId) {
        return obtain(endpoint, Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password), username);
    }

    private Token obtain(String endpoint, Map<String, String> grant, String whose) {
        String form = grant.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String answer = send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200);
        Matcher token = ACCESS_TOKEN.matcher(answer);
        Matcher expires = EXPIRES_IN.matcher(answer);
        if (!token.find() || !expires.find()) {
            throw new IllegalStateException("No token for " + whose + ": " + answer);
        }
        return new Token(token.group(1), Instant.now().plusSeconds(Long.parseLong(expires.group(1))));
    }

    private String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.build().uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
