package com.msaair.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things are: the project (built Liberty runtime, Kafka jars) and the data folder (Kafka's log,
 * each server's output: logs, Derby files, transaction log). The data folder is {@code data/} in the
 * project unless {@code MSAAIR_DATA} names another.
 */
public record StackLayout(Path root, Path data) {

    public static StackLayout fromEnvironment() {
        Path root = findRoot();
        String data = System.getenv("MSAAIR_DATA");
        return new StackLayout(root, data == null || data.isBlank() ? root.resolve("data") : Path.of(data).toAbsolutePath());
    }

    /** The same project with another data folder (tests use a fresh one per run). */
    public StackLayout withData(Path otherData) {
        return new StackLayout(root, otherData.toAbsolutePath());
    }

    public Path wlp() {
        return root.resolve("target/liberty/wlp");
    }

    public Path serverLauncher() {
        return wlp().resolve("bin/server");
    }

    public Path kafkaLibs() {
        return root.resolve("target/kafka/libs");
    }

    /** Keycloak's distribution, unpacked by the build (with the realm to import in its data/import). */
    public Path keycloakHome() {
        return root.resolve("target/keycloak/keycloak");
    }

    /** The Derby jars Liberty uses as a shared library; the network server runs from them too. */
    public Path derbyLibs() {
        return wlp().resolve("usr/shared/resources/derby");
    }

    /** Zipkin's executable jar, copied by the build. */
    public Path zipkinJar() {
        return root.resolve("target/zipkin/zipkin-server.jar");
    }

    public Path kafkaData() {
        return data.resolve("kafka");
    }

    /** WLP_OUTPUT_DIR for the servers: each one's logs, Derby files and transaction log below it. */
    public Path serversOutput() {
        return data.resolve("servers");
    }

    public Path pidFile() {
        return data.resolve("stack.pids");
    }

    /** Deletes the data folder: Kafka's log, every server's database, logs and transaction log. */
    public void deleteData() {
        if (!Files.exists(data)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not remove " + data + ": " + e.getMessage(), e);
        }
    }

    /** Fails with a clear message when the project has not been built yet. */
    public void requireBuilt() {
        if (!Files.isExecutable(serverLauncher()) || !Files.isDirectory(kafkaLibs()) || !Files.isRegularFile(keycloakHome().resolve("bin/kc.sh"))) {
            throw new IllegalStateException("The project is not built yet: run ./mvnw install -DskipTests in " + root);
        }
    }

    private static Path findRoot() {
        String configured = System.getProperty("msaair.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("liberty"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the MSA Air project: run from inside it or set -Dmsaair.root");
    }
}
