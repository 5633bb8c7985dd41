package com.msaair.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.Service;
import com.msaair.localstack.StackLayout;
import com.msaair.systemtest.support.Http;
import com.msaair.systemtest.support.SystemStack;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OpenAPI document each service serves is checked in ({@code docs/api/<service>.openapi.json}),
 * so an API change shows in review: this test fails when the served document and the checked-in one
 * differ. After a deliberate change, write the new documents and commit them with it:
 * {@code ./mvnw verify -Dit.test=OpenApiDocumentsIT -Dmsaair.openapi.update=true}.
 *
 * <p>Compared in a canonical form: members sorted, array elements sorted (their order carries no
 * meaning for a reviewer and reflection need not keep it), {@code servers} left out (it names the
 * port the document was fetched from).
 */
@Order(1)
@ExtendWith(SystemStack.class)
class OpenApiDocumentsIT {

    @ParameterizedTest
    @EnumSource(Service.class)
    void theServedDocumentIsTheOneCheckedIn(Service service) throws Exception {
        JsonObject document = Http.get(SystemStack.server(service).uri().resolve("/openapi?format=JSON")).json();
        String served = canonical(document, "") + "\n";
        Path file = StackLayout.fromEnvironment().root().resolve("docs/api/" + service.serverName() + ".openapi.json");
        if (Boolean.getBoolean("msaair.openapi.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, served);
        }
        assertThat(file).as("the checked-in OpenAPI document of " + service).exists();
        List<String> expected = Files.readAllLines(file);
        List<String> actual = served.lines().toList();
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()) && differences.size() < 20; i++) {
            String want = i < expected.size() ? expected.get(i) : "<end>";
            String got = i < actual.size() ? actual.get(i) : "<end>";
            if (!want.equals(got)) {
                differences.add("line " + (i + 1) + ": checked in " + want.strip() + " | served " + got.strip());
            }
        }
        assertThat(differences).as(service + " serves an API that differs from " + file.getFileName()
                + "; if that is meant, update it: ./mvnw verify -Dit.test=OpenApiDocumentsIT -Dmsaair.openapi.update=true").isEmpty();
    }

    /** Deterministic, indented JSON: object members and array elements in sorted order. */
    static String canonical(JsonValue value, String indent) {
        String inner = indent + "  ";
        return switch (value.getValueType()) {
            case OBJECT -> {
                TreeMap<String, String> members = new TreeMap<>();
                value.asJsonObject().forEach((name, member) -> {
                    if (!(indent.isEmpty() && name.equals("servers"))) {
                        members.put(name, canonical(member, inner));
                    }
                });
                if (members.isEmpty()) {
                    yield "{}";
                }
                List<String> lines = new ArrayList<>();
                members.forEach((name, member) -> lines.add(inner + quote(name) + ": " + member));
                yield "{\n" + String.join(",\n", lines) + "\n" + indent + "}";
            }
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                if (array.isEmpty()) {
                    yield "[]";
                }
                List<String> elements = new ArrayList<>();
                array.forEach(element -> elements.add(canonical(element, inner)));
                elements.sort(null);
                yield "[\n" + inner + String.join(",\n" + inner, elements) + "\n" + indent + "]";
            }
            case STRING -> quote(((JsonString) value).getString());
            default -> value.toString();
        };
    }

    private static String quote(String text) {
        return jakarta.json.Json.createValue(text).toString();
    }
}
