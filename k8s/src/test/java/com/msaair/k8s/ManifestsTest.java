package com.msaair.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubernetes.client.util.ModelMapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every built-in Kubernetes object in the manifests must deserialise into the official client-java
 * model: unknown (misspelt, misplaced) fields, wrong types and missing required fields fail. Custom
 * resources (OpenLibertyApplication, Strimzi's, the Gateway API's, Envoy Gateway's, Keycloak's, CloudNativePG's) are checked against their CRDs by the workplace's
 * k8s-check; here they must at least name their kind and API version.
 */
class ManifestsTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Set<String> CUSTOM_GROUPS = Set.of("apps.openliberty.io", "kafka.strimzi.io", "gateway.networking.k8s.io",
            "gateway.envoyproxy.io", "k8s.keycloak.org", "monitoring.coreos.com", "postgresql.cnpg.io");

    @Test
    void everyManifestFileIsValid() throws Exception {
        Map<String, List<String>> problems = new TreeMap<>();
        int checked = 0;
        for (Path file : yamlFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            checked += check(ROOT.relativize(file).toString(), text, problems);
        }
        assertThat(checked).as("objects checked").isGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKustomizationRendersToValidObjects() throws Exception {
        assumeTrue(kubectlAvailable(), "rendering needs kubectl (kubectl kustomize); the files themselves are checked without it");
        Map<String, List<String>> problems = new TreeMap<>();
        for (String overlay : List.of("overlays/dev", "overlays/prod", "base")) {
            Process kustomize = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve(overlay).toString()).redirectErrorStream(true).start();
            String rendered = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(kustomize.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(kustomize.exitValue()).as(overlay + ": " + rendered).isZero();
            int checked = check(overlay + " (rendered)", rendered, problems);
            assertThat(checked).as(overlay + " objects").isGreaterThan(30);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theProductionOverlayReplicatesKafkaAndScalesReservation() throws Exception {
        assumeTrue(kubectlAvailable(), "rendering needs kubectl (kubectl kustomize)");
        Process kustomize = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve("overlays/prod").toString()).start();
        List<JsonNode> objects = new ArrayList<>();
        YAML.readerFor(JsonNode.class).readValues(kustomize.getInputStream()).forEachRemaining(o -> objects.add((JsonNode) o));
        kustomize.waitFor(60, TimeUnit.SECONDS);
        assertThat(objects).filteredOn(o -> o.path("kind").asText().equals("KafkaTopic"))
                .hasSize(8).allSatisfy(t -> assertThat(t.at("/spec/replicas").asInt()).isEqualTo(3));
        // Of the services only reservation reaches payment; through the Gateway, payments are only read.
        assertThat(objects).filteredOn(o -> o.at("/metadata/name").asText().equals("payment-from-reservation")).singleElement()
                .satisfies(p -> assertThat(p.at("/spec/ingress/0/from/0/podSelector/matchLabels/app.kubernetes.io~1instance").asText())
                        .isEqualTo("reservation"));
        assertThat(objects).filteredOn(o -> o.path("kind").asText().equals("HTTPRoute") && o.at("/metadata/name").asText().equals("payment"))
                .singleElement().satisfies(route -> {
                    assertThat(route.at("/spec/rules").size()).isEqualTo(1);
                    assertThat(route.at("/spec/rules/0/matches")).allSatisfy(match -> assertThat(match.path("method").asText()).isEqualTo("GET"));
                });
        // The booking API over gRPC: the services the local gateway routes, to reservation, on a host of their own.
        assertThat(objects).filteredOn(o -> o.path("kind").asText().equals("GRPCRoute")).singleElement().satisfies(route -> {
            assertThat(route.at("/spec/rules/0/matches").findValuesAsText("service"))
                    .containsExactlyInAnyOrderElementsOf(com.msaair.localstack.Gateway.GRPC_SERVICES);
            assertThat(route.at("/spec/rules/0/backendRefs/0/name").asText()).isEqualTo("reservation");
            assertThat(route.at("/spec/parentRefs/0/sectionName").asText()).isEqualTo("grpc");
        });
        // Reservation's client secret comes from a Secret the operator makes, never from the repository.
        assertThat(objects).filteredOn(o -> o.path("kind").asText().equals("OpenLibertyApplication")
                        && o.at("/metadata/name").asText().equals("reservation")).singleElement()
                .satisfies(r -> assertThat(r.at("/spec/env").findValues("secretKeyRef")).extracting(ref -> ref.path("name").asText())
                        .contains("msaair-reservation-client"));
        assertThat(objects).filteredOn(o -> o.path("kind").asText().equals("KeycloakRealmImport")).singleElement()
                .satisfies(i -> assertThat(i.at("/spec/placeholders/MSAAIR_RESERVATION_CLIENT_SECRET/secret/name").asText())
                        .isEqualTo("msaair-reservation-client"));
        assertThat(objects).filteredOn(o -> o.path("kind").asText().equals("OpenLibertyApplication")
                        && o.at("/metadata/name").asText().equals("reservation")).singleElement()
                .satisfies(r -> {
                    assertThat(r.at("/spec/autoscaling/minReplicas").asInt()).isEqualTo(2);
                    assertThat(r.at("/spec/autoscaling/maxReplicas").asInt()).isEqualTo(10);
                });
        assertThat(objects).filteredOn(o -> o.path("kind").asText().equals("OpenLibertyApplication"))
                .allSatisfy(app -> {
                    assertThat(app.at("/spec/probes/readiness/httpGet/path").asText()).isEqualTo("/health/ready");
                    assertThat(app.at("/spec/probes/liveness/httpGet/path").asText()).isEqualTo("/health/live");
                    assertThat(app.at("/spec/probes/startup/httpGet/path").asText()).isEqualTo("/health/started");
                    assertThat(app.at("/spec/envFrom/0/configMapRef/name").asText()).startsWith("msaair-config-");
                });
    }

    /**
     * What the rolling-restart test proved is what the cluster runs: the Kafka clients' settings in
     * msaair-config are the platform's own defaults (the ones the tests ran), and production's brokers
     * replicate as the test's cluster of three did (every topic three times, two in sync required, no
     * unclean election).
     */
    @Test
    void kafkaIsConfiguredAsTheRollingRestartTestRanIt() throws Exception {
        java.util.Properties platform = new java.util.Properties();
        try (var in = Files.newInputStream(ROOT.resolve("../platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            platform.load(in);
        }
        JsonNode kustomization = YAML.readTree(ROOT.resolve("base/kustomization.yaml").toFile());
        Map<String, String> config = new TreeMap<>();
        kustomization.at("/configMapGenerator/0/literals").forEach(literal -> {
            String[] pair = literal.asText().split("=", 2);
            config.put(pair[0], pair[1]);
        });
        for (String property : List.of("msaair.outbox.kafka.acks", "msaair.outbox.kafka.enable.idempotence",
                "msaair.consumer.kafka.session.timeout.ms", "msaair.consumer.kafka.heartbeat.interval.ms")) {
            String variable = property.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
            assertThat(config.get(variable)).as(variable + " in msaair-config").isNotNull().isEqualTo(platform.getProperty(property));
        }

        assumeTrue(kubectlAvailable(), "rendering needs kubectl (kubectl kustomize)");
        Process kustomize = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve("overlays/prod").toString()).start();
        List<JsonNode> objects = new ArrayList<>();
        YAML.readerFor(JsonNode.class).readValues(kustomize.getInputStream()).forEachRemaining(o -> objects.add((JsonNode) o));
        kustomize.waitFor(60, TimeUnit.SECONDS);
        assertThat(objects).filteredOn(o -> o.path("kind").asText().equals("KafkaNodePool")).singleElement()
                .satisfies(pool -> assertThat(pool.at("/spec/replicas").asInt()).isEqualTo(3));
        assertThat(objects).filteredOn(o -> o.path("kind").asText().equals("Kafka")).singleElement().satisfies(kafka -> {
            JsonNode brokers = kafka.at("/spec/kafka/config");
            assertThat(brokers.path("default.replication.factor").asInt()).isEqualTo(3);
            assertThat(brokers.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);
            assertThat(brokers.path("min.insync.replicas").asInt()).isEqualTo(2);
            assertThat(brokers.path("unclean.leader.election.enable").asBoolean(true)).isFalse();
            assertThat(brokers.path("group.min.session.timeout.ms").asInt())
                    .isLessThanOrEqualTo(Integer.parseInt(platform.getProperty("msaair.consumer.kafka.session.timeout.ms")));
        });
    }

    private static int check(String where, String text, Map<String, List<String>> problems) throws IOException {
        int checked = 0;
        var documents = YAML.readerFor(JsonNode.class).readValues(text);
        while (documents.hasNext()) {
            JsonNode object = (JsonNode) documents.next();
            if (object == null || object.isNull() || object.isEmpty()) {
                continue;
            }
            String apiVersion = object.path("apiVersion").asText();
            String kind = object.path("kind").asText();
            String name = where + " " + kind + "/" + object.at("/metadata/name").asText();
            if (apiVersion.startsWith("kustomize.config.k8s.io")) {
                continue;
            }
            checked++;
            if (apiVersion.isEmpty() || kind.isEmpty()) {
                problems.computeIfAbsent(name, k -> new ArrayList<>()).add("no apiVersion or kind");
                continue;
            }
            if (CUSTOM_GROUPS.contains(apiVersion.split("/")[0])) {
                continue;
            }
            Class<?> model = ModelMapper.getApiTypeClass(apiVersion, kind);
            if (model == null) {
                problems.computeIfAbsent(name, k -> new ArrayList<>()).add("unknown kind " + apiVersion + " " + kind);
                continue;
            }
            try {
                Method fromJson = model.getMethod("fromJson", String.class);
                fromJson.invoke(null, JSON.writeValueAsString(object));
            } catch (InvocationTargetException e) {
                problems.computeIfAbsent(name, k -> new ArrayList<>()).add(String.valueOf(e.getCause().getMessage()));
            } catch (ReflectiveOperationException e) {
                problems.computeIfAbsent(name, k -> new ArrayList<>()).add("cannot validate: " + e);
            }
        }
        return checked;
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(ROOT.resolve("base")), Files.walk(ROOT.resolve("overlays")))) {
            return files.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList();
        }
    }

    private static boolean kubectlAvailable() {
        try {
            Process version = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            return version.waitFor(20, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
