package org.asylumcasetracker.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code openapi/openapi.yaml} is the contract outside clients are written against: it
 * must say exactly what the service serves. Both are compared in a canonical form (keys sorted), since
 * the generator does not keep a stable key order. After an intended API change, refresh the file with
 * {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true} and review the diff.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
    private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .build();

    @Test
    void theCommittedDocumentIsWhatTheServiceServes() throws IOException {
        String served = canonical(YAML.readTree(given().queryParam("format", "yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString()));
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(COMMITTED), "openapi/openapi.yaml is missing; run with -Dopenapi.update=true");
        String committed = canonical(YAML.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8)));
        assertEquals(
                committed,
                served,
                "openapi/openapi.yaml differs from the served document; run with -Dopenapi.update=true and review the diff");
    }

    @Test
    void everyOperationHasAnIdTagsSecurityAndProblemResponses() throws IOException {
        JsonNode document = YAML.readTree(given().queryParam("format", "yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<String> operationIds = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                assertNotNull(operation.get("operationId"), where + " has no operationId");
                assertFalse(operationIds.contains(operation.get("operationId").asText()), where + " repeats an id");
                operationIds.add(operation.get("operationId").asText());
                assertTrue(operation.has("tags") && operation.get("tags").size() > 0, where + " has no tag");
                assertTrue(operation.has("security"), where + " declares no security requirement");
                for (String status : List.of("400", "401", "403", "500")) {
                    JsonNode response = operation.get("responses").get(status);
                    assertNotNull(response, where + " does not document " + status);
                    assertFalse(
                            response.at("/content/application~1problem+json/schema")
                                    .isMissingNode(),
                            where + " " + status + " is not problem+json");
                }
            }
        }
        assertFalse(operationIds.isEmpty());
    }

    /** The document with object keys sorted and "required" lists sorted, as YAML. */
    static String canonical(JsonNode document) throws IOException {
        return YAML.writeValueAsString(sorted(document, null));
    }

    private static JsonNode sorted(JsonNode node, String name) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(e -> fields.put(e.getKey(), sorted(e.getValue(), e.getKey())));
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            fields.forEach(result::set);
            return result;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item, null)));
            if ("required".equals(name)) {
                items.sort(Comparator.comparing(JsonNode::asText));
            }
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            items.forEach(result::add);
            return result;
        }
        return node;
    }
}
