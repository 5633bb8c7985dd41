package com.msaair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.KafkaCluster;
import com.msaair.localstack.Service;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.KafkaProbe;
import com.msaair.systemtest.support.SystemStack;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The foundation: five real Liberty servers and a real broker, started by the test itself. */
@Order(1)
@ExtendWith(SystemStack.class)
class FoundationIT {

    private static final Map<Service, String> API_PATHS = Map.of(
            Service.SCHEDULE, "/api/schedules",
            Service.RESERVATION, "/api/reservations",
            Service.MILEAGE, "/api/customers",
            Service.NOTIFICATION, "/api/notifications",
            Service.HISTORY, "/api/history",
            Service.PAYMENT, "/api/payments");

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyServiceIsLiveReadyAndStarted(Service service) {
        for (String probe : List.of("/health/live", "/health/ready", "/health/started")) {
            Http.Reply reply = Http.get(SystemStack.server(service).uri().resolve(probe));
            assertThat(reply.status()).as(service + probe).isEqualTo(200);
            assertThat(reply.json().getString("status")).isEqualTo("UP");
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void readinessChecksTheServicesOwnDatabase(Service service) {
        JsonObject ready = Http.get(SystemStack.server(service).uri().resolve("/health/ready")).json();
        assertThat(ready.getJsonArray("checks").getValuesAs(JsonObject.class))
                .anySatisfy(check -> {
                    assertThat(check.getString("name")).isEqualTo("database");
                    assertThat(check.getString("status")).isEqualTo("UP");
                });
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyServiceServesAValidOpenApiDocumentAndItsUi(Service service) {
        Http.Reply document = Http.get(SystemStack.server(service).uri().resolve("/openapi?format=JSON"));
        assertThat(document.status()).isEqualTo(200);
        JsonObject openApi = document.json();
        assertThat(openApi.getString("openapi")).startsWith("3.");
        assertThat(openApi.getJsonObject("info").getString("title")).contains(service.serverName());
        assertThat(openApi.getJsonObject("paths").keySet()).contains(API_PATHS.get(service));
        openApi.getJsonObject("paths").values().forEach(path -> path.asJsonObject().values().forEach(operation ->
                assertThat(operation.asJsonObject().getJsonObject("responses").keySet())
                        .as("every operation documents a success answer").anyMatch(code -> code.startsWith("2"))));

        Http.Reply ui = Http.get(SystemStack.server(service).uri().resolve("/openapi/ui/"));
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("<html");
    }

    @Test
    void theEventTopicsExistWithThreePartitionsAndTheirDeadLetterTopics() throws Exception {
        try (Admin admin = SystemStack.stack().kafka().admin()) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (String topic : KafkaCluster.EVENT_TOPICS) {
                assertThat(names).contains(topic, topic + KafkaCluster.DEAD_LETTER_SUFFIX);
            }
            Map<String, TopicDescription> topics = admin.describeTopics(KafkaCluster.EVENT_TOPICS).allTopicNames().get(10, TimeUnit.SECONDS);
            topics.values().forEach(topic -> assertThat(topic.partitions()).as(topic.name()).hasSize(3));
        }
    }

    @Test
    void theBrokerIsRealAMessageProducedCanBeReadBack() throws Exception {
        String topic = "foundation-check-" + UUID.randomUUID();
        try (Admin admin = SystemStack.stack().kafka().admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
        String payload = "{\"hello\":\"" + UUID.randomUUID() + "\"}";
        KafkaProbe.produce(topic, "key-1", payload, Map.of("check", "yes"));

        List<ConsumerRecord<String, String>> records = KafkaProbe.readAll(topic);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("key-1");
            assertThat(record.value()).isEqualTo(payload);
            assertThat(KafkaProbe.header(record, "check")).contains("yes");
        });
    }

    @Test
    void unknownPathsAndMethodsAnswerProblemJson() {
        Http.Reply unknown = Http.get(SystemStack.server(Service.SCHEDULE).uri().resolve("/api/no-such-thing"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }
}
