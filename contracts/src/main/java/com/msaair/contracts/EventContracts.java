package com.msaair.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The event contracts of MSA Air: one AsyncAPI 3 document per publishing service
 * ({@code contracts/events/<service>/asyncapi.yaml}) naming its topic, its messages, their headers,
 * key and payload, each payload a JSON Schema beside it. This class reads them and answers the two
 * questions the tests ask: does this record keep the contract ({@link #violations}), and what does
 * the contract promise a consumer ({@link #examples}, {@link #requiredDataFields})?
 *
 * <p>Schemas name each other by {@code https://msaair.example/contracts/...}; those addresses are
 * read from this jar, never fetched.
 */
public final class EventContracts {

    /** The services that publish events, each with its document. */
    public static final List<String> PUBLISHERS = List.of("schedule", "reservation", "mileage", "payment");

    static final String BASE = "https://msaair.example/contracts/";
    private static final String RESOURCES = "contracts/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventContracts LOADED = new EventContracts();

    /** One topic as its publisher's document describes it. */
    private record Channel(String publisher, String topic, Map<String, Message> messages, JsonSchema key, String keyIs) {}

    private record Message(String eventType, URI payload, JsonSchema payloadSchema, JsonSchema headers) {}

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:" + RESOURCES)));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, Channel> channels = new LinkedHashMap<>();

    private EventContracts() {
        for (String publisher : PUBLISHERS) {
            read(publisher);
        }
    }

    public static EventContracts get() {
        return LOADED;
    }

    public Set<String> topics() {
        return channels.keySet();
    }

    public String publisherOf(String topic) {
        return channel(topic).publisher();
    }

    public Set<String> eventTypes(String topic) {
        return channel(topic).messages().keySet();
    }

    /**
     * What is wrong with a record on {@code topic}, against its publisher's contract: the payload (the
     * envelope and the event type's data), the headers and the key. Empty when the record keeps it.
     */
    public List<String> violations(String topic, String key, Map<String, String> headers, String value) {
        List<String> problems = new ArrayList<>();
        Channel channel = channels.get(topic);
        if (channel == null) {
            return List.of("no contract describes topic " + topic);
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return List.of("the value is not JSON: " + e.getOriginalMessage());
        }
        String eventType = envelope.path("eventType").asText();
        Message message = channel.messages().get(eventType);
        if (message == null) {
            return List.of("event type '" + eventType + "' is not in the contract of " + topic + " " + channel.messages().keySet());
        }
        message.payloadSchema().validate(envelope).forEach(m -> problems.add("payload: " + m.getMessage()));
        if (headers != null) {
            ObjectNode headerNode = JSON.createObjectNode();
            headers.forEach(headerNode::put);
            message.headers().validate(headerNode).forEach(m -> problems.add("headers: " + m.getMessage()));
            headers.forEach((name, header) -> {
                if (envelope.has(name) && !envelope.get(name).asText().equals(header)) {
                    problems.add("header " + name + " is '" + header + "' but the envelope's " + name + " is '" + envelope.get(name).asText() + "'");
                }
            });
        }
        if (key != null) {
            channel.key().validate(TextNode.valueOf(key)).forEach(m -> problems.add("key: " + m.getMessage()));
            String expected = envelope.path(channel.keyIs()).asText(null);
            if (!key.equals(expected)) {
                problems.add("the key is '" + key + "' but the contract says it is the envelope's " + channel.keyIs() + " ('" + expected + "')");
            }
        }
        return problems;
    }

    /** What is wrong with an event's JSON (envelope and data) on {@code topic}; no key or headers checked. */
    public List<String> violations(String topic, String value) {
        return violations(topic, null, null, value);
    }

    /** The complete events the contract gives as examples of {@code eventType}: what a consumer must accept. */
    public List<String> examples(String topic, String eventType) {
        List<String> examples = new ArrayList<>();
        schemaNode(topic, eventType).path("examples").forEach(example -> examples.add(example.toString()));
        return examples;
    }

    /** The data members every {@code eventType} event has: all a consumer may rely on. */
    public Set<String> requiredDataFields(String topic, String eventType) {
        Set<String> required = new TreeSet<>();
        schemaNode(topic, eventType).path("properties").path("data").path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    /** Every data member {@code eventType} events may carry. */
    public Set<String> dataFields(String topic, String eventType) {
        Set<String> fields = new TreeSet<>();
        schemaNode(topic, eventType).path("properties").path("data").path("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    /**
     * The JSON type of each data member of {@code eventType} events, from the schema's {@code type},
     * {@code const} or {@code enum}, or the shared definition it refers to.
     */
    public Map<String, String> dataTypes(String topic, String eventType) {
        Message message = channel(topic).messages().get(eventType);
        Map<String, String> types = new TreeMap<>();
        schemaNode(topic, eventType).path("properties").path("data").path("properties").fields().forEachRemaining(member -> {
            JsonNode property = member.getValue();
            if (property.has("$ref")) {
                URI ref = message.payload().resolve(property.get("$ref").asText());
                JsonNode file = resource(URI.create(ref.toString().replaceAll("#.*", "")), JSON);
                property = file.at(ref.getFragment() == null ? "" : ref.getFragment());
            }
            types.put(member.getKey(), typeOf(property));
        });
        return types;
    }

    private static String typeOf(JsonNode property) {
        if (property.has("type")) {
            return property.get("type").asText();
        }
        JsonNode value = property.has("const") ? property.get("const") : property.path("enum").path(0);
        return value.isTextual() ? "string" : value.isBoolean() ? "boolean" : value.isIntegralNumber() ? "integer" : "unknown";
    }

    private JsonNode schemaNode(String topic, String eventType) {
        Message message = channel(topic).messages().get(eventType);
        if (message == null) {
            throw new IllegalArgumentException("no event type " + eventType + " on " + topic);
        }
        return resource(message.payload(), JSON);
    }

    private Channel channel(String topic) {
        Channel channel = channels.get(topic);
        if (channel == null) {
            throw new IllegalArgumentException("no contract describes topic " + topic);
        }
        return channel;
    }

    private void read(String publisher) {
        URI document = URI.create(BASE + "events/" + publisher + "/asyncapi.yaml");
        JsonNode asyncApi = resource(document, new YAMLMapper());
        if (!asyncApi.path("asyncapi").asText().startsWith("3.")) {
            throw new IllegalStateException(document + " is not an AsyncAPI 3 document");
        }
        JsonNode components = asyncApi.path("components");
        ObjectNode key = components.path("schemas").path("key").deepCopy();
        String keyIs = key.remove("x-msaair-key-is").asText();
        key.put("$id", document.resolve("key").toString());
        JsonSchema keySchema = factory.getSchema(key, config);
        asyncApi.path("channels").forEach(channelNode -> {
            Map<String, Message> messages = new LinkedHashMap<>();
            channelNode.path("messages").fields().forEachRemaining(entry -> {
                JsonNode message = follow(asyncApi, entry.getValue());
                URI payload = document.resolve(message.path("payload").path("$ref").asText());
                URI headers = document.resolve(message.path("headers").path("$ref").asText());
                messages.put(message.path("name").asText(entry.getKey()), new Message(entry.getKey(), payload,
                        factory.getSchema(SchemaLocation.of(payload.toString()), config),
                        factory.getSchema(SchemaLocation.of(headers.toString()), config)));
            });
            String topic = channelNode.path("address").asText();
            channels.put(topic, new Channel(publisher, topic, messages, keySchema, keyIs));
        });
    }

    /** A local {@code $ref} ({@code #/components/...}) within the document, or the node itself. */
    private static JsonNode follow(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }

    private static JsonNode resource(URI uri, ObjectMapper mapper) {
        String path = RESOURCES + uri.toString().substring(BASE.length());
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no contract file " + path);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
