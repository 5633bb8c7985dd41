package com.msaair.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The identity provider of the local stack: Keycloak from its Maven Central distribution, in
 * development mode, in its own JVM, on 127.0.0.1. The realm {@value #REALM} (roles, clients, demo
 * users) is imported from the repository on first start; Keycloak makes the realm's signing keys
 * itself and keeps them, with everything else, in this stack's data folder — no key is in the
 * repository. The master realm's administrator gets a random password, written (owner-readable only)
 * to {@code keycloak/admin-password} in the data folder on first start; so does each confidential client
 * of the realm ({@link #CONFIDENTIAL_CLIENTS}) in {@code keycloak/client-secrets/<client>}. Keycloak takes
 * those secrets as environment variables ({@link #secretVariable}) that the realm file names where a
 * client's secret goes, and the server acting as that client gets the same secret the same way.
 */
public final class KeycloakServer extends StackProcess {

    public static final String REALM = "msaair";
    public static final String ADMIN = "admin";
    /**
     * The realm's clients that authenticate with a secret: the web front end (the OpenID Connect code
     * flow) and reservation charging as itself (client credentials, {@link ServiceClient}).
     */
    public static final List<String> CONFIDENTIAL_CLIENTS = List.of("msaair-web", ServiceClient.RESERVATION);

    private final StackLayout layout;

    public KeycloakServer(StackLayout layout, int port) {
        super("Keycloak", layout.data().resolve("keycloak"), "keycloak.log", Duration.ofSeconds(30), port);
        this.layout = layout;
    }

    /** Where the server is, as browsers, the command line and the services see it (one name: the issuer is part of every token). */
    public String url() {
        return "http://localhost:" + port();
    }

    /** The realm's issuer: the {@code iss} of its tokens, and what the services verify. */
    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** Keycloak's JVM (kc.sh, the process started, runs it as its child). */
    @Override
    public long pid() {
        long script = super.pid();
        return ProcessHandle.of(script).stream().flatMap(ProcessHandle::descendants)
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().map(ProcessHandle::pid).orElse(script);
    }

    /** The master realm administrator's password (made on first start). */
    public String adminPassword() {
        return secret(folder().resolve("admin-password"));
    }

    /** The secret of one of the realm's {@link #CONFIDENTIAL_CLIENTS} (made on first start). */
    public String clientSecret(String clientId) {
        if (!CONFIDENTIAL_CLIENTS.contains(clientId)) {
            throw new IllegalArgumentException(clientId + " is not a confidential client of the realm; those are " + CONFIDENTIAL_CLIENTS);
        }
        return secret(folder().resolve("client-secrets").resolve(clientId));
    }

    /** The environment variable that carries a client's secret into Keycloak's realm import: msaair-web is MSAAIR_WEB_CLIENT_SECRET. */
    public static String secretVariable(String clientId) {
        return clientId.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_CLIENT_SECRET";
    }

    /** A random secret kept in {@code file}, readable by its owner only; made the first time it is asked for. */
    private static String secret(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[18];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, HexFormat.of().formatHex(random), StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keycloak in development mode, its data (an H2 file) in the data folder. */
    @Override
    protected List<String> commandLine() {
        String db = "jdbc:h2:file:" + folder().resolve("keycloakdb") + ";NON_KEYWORDS=VALUE";
        return List.of(layout.keycloakHome().resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port(), "--hostname=" + url(),
                "--import-realm", "--db=dev-file", "--db-url=" + db);
    }

    @Override
    protected Map<String, String> environment() {
        Map<String, String> environment = new java.util.LinkedHashMap<>(Map.of("JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx" + System.getenv().getOrDefault("MSAAIR_KEYCLOAK_HEAP", "512m"),
                // Its transaction log beside its database, not in the shared distribution; no hsperfdata (as every JVM of the stack) and
                // C1 only, as the Liberty servers: it does next to nothing under load (the broker, which works, keeps the full JIT).
                "JAVA_OPTS_APPEND", "-XX:-UsePerfData -XX:TieredStopAtLevel=1 -Dquarkus.transaction-manager.object-store.directory=" + folder().resolve("transactions"),
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword()));
        // The realm file names each confidential client's secret as ${<CLIENT>_CLIENT_SECRET}; the import fills it in.
        CONFIDENTIAL_CLIENTS.forEach(client -> environment.put(secretVariable(client), clientSecret(client)));
        return environment;
    }

    /** Whether the realm's discovery document is served (the services need its keys): about 20 s after start, longer on a new data folder. */
    @Override
    public boolean isReady() {
        return httpGet(URI.create(issuer() + "/.well-known/openid-configuration"), Duration.ofSeconds(5)).status() == 200;
    }
}
