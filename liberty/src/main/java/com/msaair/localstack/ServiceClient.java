package com.msaair.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reservation's own client of the local realm, {@value #RESERVATION}: confidential, the
 * client-credentials grant only, its tokens meant for MSA Air (audience {@code msaair}) with the realm
 * role {@value #ROLE} in their groups claim — a role no person of the realm has, and the only one
 * payment takes for a charge. Made through Keycloak's admin API once Keycloak answers, not imported
 * with the realm: Keycloak imports a realm only into an empty data folder, and a developer's stack
 * keeps its realm from run to run, so a realm made before this client existed gets it the same way
 * as a new one. Its secret is the one in the data folder ({@link KeycloakServer#clientSecret}), set on
 * every start — as is every other confidential client's the realm has — so the secret a server is
 * given is always the one Keycloak checks.
 */
public final class ServiceClient {

    public static final String RESERVATION = "msaair-reservation";
    public static final String ROLE = "service";

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"[^\"]*\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceClient() {}

    /** Makes the role and the client unless the realm has them, sets the client's secret and gives its service account the role. */
    static void provision(KeycloakServer keycloak, String adminToken) {
        String realm = keycloak.url() + "/admin/realms/" + KeycloakServer.REALM;
        call(adminToken, "POST", realm + "/roles", "{\"name\":\"" + ROLE + "\",\"description\":\"A service calling as itself (client"
                + " credentials), never a person: reservation opening and charging a payment\"}", Set.of(201, 409));
        if (clientId(adminToken, realm, RESERVATION) == null) {
            call(adminToken, "POST", realm + "/clients", representation(keycloak.clientSecret(RESERVATION)), Set.of(201));
        }
        for (String client : KeycloakServer.CONFIDENTIAL_CLIENTS) {
            String found = clientId(adminToken, realm, client);
            if (found == null) {
                // Imported with the realm, so missing only from a realm made before the client existed.
                throw new IllegalStateException("The realm has no client " + client + ": it was made before that client existed;"
                        + " ./msaair reset (or MSAAIR_DATA elsewhere) makes it anew");
            }
            // As the admin console does it: the client as Keycloak has it, with only its secret changed.
            String secret = keycloak.clientSecret(client);
            String current = call(adminToken, "GET", realm + "/clients/" + found, null, Set.of(200));
            String updated = SECRET.matcher(current).find()
                    ? SECRET.matcher(current).replaceFirst(Matcher.quoteReplacement("\"secret\":\"" + secret + "\""))
                    : current.replaceFirst("^\\{", Matcher.quoteReplacement("{\"secret\":\"" + secret + "\","));
            call(adminToken, "PUT", realm + "/clients/" + found, updated, Set.of(204));
        }
        String id = clientId(adminToken, realm, RESERVATION);
        String serviceAccount = idOf(call(adminToken, "GET", realm + "/clients/" + id + "/service-account-user", null, Set.of(200)));
        String role = call(adminToken, "GET", realm + "/roles/" + ROLE, null, Set.of(200));
        call(adminToken, "POST", realm + "/users/" + serviceAccount + "/role-mappings/realm", "[" + role + "]", Set.of(204));
    }

    private static String clientId(String adminToken, String realm, String client) {
        String found = call(adminToken, "GET", realm + "/clients?clientId=" + client, null, Set.of(200));
        Matcher m = ID.matcher(found);
        return m.find() ? m.group(1) : null;
    }

    /** The client as reservation needs it: the same scopes and audience mapper as the realm's other clients (roles as groups, aud msaair). */
    private static String representation(String secret) {
        return "{\"clientId\":\"" + RESERVATION + "\",\"name\":\"MSA Air reservation service\","
                + "\"description\":\"The reservation service calling as itself (client credentials) to open and charge payments;"
                + " its secret is made by the local stack (data/keycloak/client-secrets/msaair-reservation)\","
                + "\"enabled\":true,\"protocol\":\"openid-connect\",\"publicClient\":false,\"clientAuthenticatorType\":\"client-secret\","
                + "\"secret\":\"" + secret + "\",\"serviceAccountsEnabled\":true,\"standardFlowEnabled\":false,"
                + "\"implicitFlowEnabled\":false,\"directAccessGrantsEnabled\":false,"
                + "\"defaultClientScopes\":[\"basic\",\"roles\",\"microprofile-jwt\"],\"optionalClientScopes\":[],"
                + "\"protocolMappers\":[{\"name\":\"msaair audience\",\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\","
                + "\"config\":{\"included.custom.audience\":\"msaair\",\"access.token.claim\":\"true\",\"id.token.claim\":\"false\","
                + "\"introspection.token.claim\":\"true\"}}]}";
    }

    private static String idOf(String representation) {
        Matcher m = ID.matcher(representation);
        if (!m.find()) {
            throw new IllegalStateException("No id in Keycloak's answer: " + representation);
        }
        return m.group(1);
    }

    private static String call(String adminToken, String method, String url, String json, Set<Integer> expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (!expected.contains(response.statusCode())) {
                throw new IllegalStateException("Setting up client " + RESERVATION + ": " + method + " " + url + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Setting up client " + RESERVATION + ": " + method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
