package org.asylumcasetracker.reliability;

import static io.restassured.RestAssured.given;
import static org.asylumcasetracker.support.Api.as;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.cornutum.tcases.SystemTestDef;
import org.cornutum.tcases.openapi.ModelOptions;
import org.cornutum.tcases.openapi.io.TcasesOpenApiIO;
import org.cornutum.tcases.openapi.resolver.AuthDef;
import org.cornutum.tcases.openapi.resolver.HttpBearerDef;
import org.cornutum.tcases.openapi.resolver.MessageData;
import org.cornutum.tcases.openapi.resolver.ParamData;
import org.cornutum.tcases.openapi.resolver.ParamDef;
import org.cornutum.tcases.openapi.resolver.RequestCase;
import org.cornutum.tcases.openapi.resolver.RequestCases;
import org.cornutum.tcases.openapi.test.ResponseUnvalidatedException;
import org.cornutum.tcases.openapi.test.ResponseValidationException;
import org.cornutum.tcases.openapi.test.ResponseValidationHandler;
import org.cornutum.tcases.openapi.test.ResponseValidator;
import org.cornutum.tcases.openapi.test.ResponsesDef;
import org.cornutum.tcases.openapi.testwriter.RequestCaseUtils;
import org.cornutum.tcases.openapi.testwriter.encoder.DataValueJson;
import org.cornutum.tcases.resolve.ResolverContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract-driven fuzzing (issue 8): Tcases for OpenAPI reads {@code openapi/openapi.yaml} and generates, for every
 * operation, requests that cover each valid input class and one invalid input at a time. Every request is sent to
 * the running service, and every answer must be documented: no 5xx, a status the document lists for that operation,
 * headers and body matching its schemas, and a 4xx for each invalid request.
 *
 * <p>Tcases' own generated tests expect a 2xx for every valid request, which a random identifier cannot get; this
 * runner therefore sends the valid requests against real records of a tenant of its own (so they reach the business
 * rules) and accepts any documented answer except 401, 403 and 415, and a 400 only when it names the refused
 * fields (a rule no schema can state, such as "not in the future"). The conventions the document's description
 * states (an optional field sent as null, an empty query parameter or header counts as left out) are applied to
 * the invalid requests Tcases derives from them. The seed is fixed so that the build is repeatable; it is printed,
 * and {@code -Dfuzz.seed=N} runs another.
 */
@QuarkusTest
class ContractFuzzTest {

    private static final String ORGANIZATION = "fuzz-clinic";
    private static final String TOKEN = TestTokens.sign(TestTokens.claims("fuzzer", null, ORGANIZATION)
            .claim(
                    "realm_access",
                    Map.of("roles", List.of("caseworker", "supervisor", "reports", "integration", "admin"))));
    private static final File API = new File("openapi/openapi.yaml");
    private static final Pattern GENERATOR_DATE_TIME =
            Pattern.compile("(\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3})Z0{5}\"");

    /** Marks the path of one shape of a discriminated request body ({@link #oneShapePerOperation}). */
    private static final String SHAPE = "/as-";

    private final Map<String, String> realIds = new TreeMap<>();
    private String lastRequest;

    @BeforeEach
    void realRecords() {
        Organizations.ensure(ORGANIZATION, "Fuzz Clinic", "America/Chicago");
        String client = as(TOKEN)
                .body(Map.of("firstName", "Fuzz", "lastName", "Target"))
                .put("/api/v1/clients/by-ref/fuzz-client")
                .then()
                .statusCode(anyOf(is(200), is(201)))
                .extract()
                .path("id");
        String filing = as(TOKEN)
                .body(Map.of("clientId", client, "venue", "USCIS", "channel", "ONLINE", "filedOn", "2026-01-05"))
                .put("/api/v1/filings/by-ref/fuzz-filing")
                .then()
                .statusCode(anyOf(is(200), is(201)))
                .extract()
                .path("id");
        String event = as(TOKEN)
                .body(Mother.event("CONTACT_LOGGED", "2026-01-06", "note", "fuzz"))
                .post("/api/v1/filings/" + filing + "/events")
                .then()
                .statusCode(201)
                .extract()
                .path("event.id");
        String webhook = as(TOKEN)
                .body(Map.of("url", "http://127.0.0.1:9/fuzz", "events", List.of("FILING_STAGE_CHANGED")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        realIds.put("/api/v1/clients/{id}", client);
        realIds.put("/api/v1/filings/{id}", filing);
        realIds.put("/api/v1/organizations/{id}", ORGANIZATION);
        realIds.put("/api/v1/webhooks/{id}", webhook);
        realIds.put("{eventId}", event);
        realIds.put("/api/v1/clients/by-ref/{externalRef}", "fuzz-client");
        realIds.put("/api/v1/filings/by-ref/{externalRef}", "fuzz-filing");
    }

    /** Its receiver does not exist: later tests' dispatch rounds should not keep retrying its deliveries. */
    @AfterEach
    void unsubscribe() {
        as(TOKEN).delete("/api/v1/webhooks/" + realIds.get("/api/v1/webhooks/{id}"));
    }

    @Test
    void everyGeneratedRequestGetsADocumentedAnswer() throws Exception {
        long seed = Long.getLong("fuzz.seed", 589L);
        System.out.println("ContractFuzzTest seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");

        JsonNode document = inlined(API);
        File inlinedApi = new File("target/contract-fuzz/openapi-inlined.json");
        inlinedApi.getParentFile().mkdirs();
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(inlinedApi, document);
        SystemTestDef testDef = TcasesOpenApiIO.getRequestTests(
                inlinedApi, ModelOptions.builder().build());
        ResolverContext context =
                ResolverContext.builder().random(new Random(seed)).build();
        List<RequestCase> cases = RequestCases.realizeRequestCases(RequestCases.getRequestCases(testDef, context))
                .getRequestCases();
        Findings findings = new Findings();
        ResponseValidator validator = validator(document, findings);

        Map<String, Integer> tally = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (RequestCase requestCase : cases) {
            if (addressesAnotherResource(requestCase)) {
                tally.merge("skipped (empty path segment: another resource)", 1, Integer::sum);
                continue;
            }
            findings.current = requestCase;
            Response response = send(requestCase);
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            tally.merge(
                    requestCase.isFailure() ? "invalid" : status < 300 ? "valid, accepted" : "valid, refused by a rule",
                    1,
                    Integer::sum);
            String verdict = verdict(requestCase, status, response, document);
            if (verdict != null) {
                findings.add(verdict + ": " + response.asString() + " <- " + lastRequest);
            }
            String op = requestCase.getOperation().toUpperCase();
            validator.assertBodyValid(
                    op, requestCase.getPath(), status, response.getContentType(), response.asString());
            validator.assertHeadersValid(op, requestCase.getPath(), status, headers(response));
        }

        long operations = cases.stream()
                .map(c -> c.getOperation() + " " + c.getPath())
                .distinct()
                .count();
        System.out.printf(
                "ContractFuzzTest: %d operations, %d requests %s, statuses %s, %d responses not validated"
                        + " by schema %s%n",
                operations,
                cases.size(),
                tally,
                statuses,
                findings.unvalidated.size(),
                findings.unvalidated.stream().distinct().toList());
        assertTrue(operations >= 27, "Tcases covered only " + operations + " operations");
        assertTrue(tally.getOrDefault("invalid", 0) > 500, "too few invalid requests: " + tally);
        assertTrue(tally.getOrDefault("valid, accepted", 0) > 50, "too few valid requests got through: " + tally);
        assertTrue(
                findings.problems.isEmpty(),
                findings.problems.size() + " contract violations:\n" + String.join("\n", findings.problems));
    }

    /** What is wrong with this answer to this request, or null if it is a documented, fitting one. */
    private static String verdict(RequestCase requestCase, int status, Response response, JsonNode document) {
        if (status >= 500) {
            return "server error " + status;
        }
        if (requestCase.isAuthFailure()) {
            return status == 401 ? null : "expected 401 without credentials, got " + status;
        }
        if (requestCase.isFailure()) {
            if (status >= 400 && status < 500) {
                return null;
            }
            // The API's conventions (see the document's description): a query parameter or header without a value
            // counts as left out, and so does an optional field sent as null.
            boolean leftOut = sentEmpty(requestCase) || optionalFieldSentAsNull(requestCase, document);
            return leftOut && status < 300 ? null : "invalid input accepted with " + status;
        }
        if (status == 401 || status == 403 || status == 415) {
            return "valid input refused with " + status;
        }
        if (status == 400) {
            // Valid by the schema, refused by a rule a schema cannot state (a date not in the future, a client
            // of another organization, a field an event type requires): the problem must name the fields.
            List<Object> errors = response.jsonPath().getList("errors");
            return errors == null || errors.isEmpty() ? "valid input refused with 400 without naming a field" : null;
        }
        return null;
    }

    private static boolean sentEmpty(RequestCase requestCase) {
        for (ParamData param : requestCase.getParams()) {
            if (param.isValid()) {
                continue;
            }
            if (param.getLocation() == ParamDef.Location.QUERY
                    && RequestCaseUtils.getQueryParameters(param, true).stream()
                            .allMatch(entry ->
                                    entry.getValue() == null || entry.getValue().isEmpty())) {
                return true;
            }
            if (param.getLocation() == ParamDef.Location.HEADER
                    && RequestCaseUtils.getHeaderParameterValue(param)
                            .filter(value -> !value.isEmpty())
                            .isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The invalid input is {@code null} for a body property its schema does not require. */
    private static boolean optionalFieldSentAsNull(RequestCase requestCase, JsonNode document) {
        String invalid = requestCase.getInvalidInput();
        if (invalid == null || !invalid.startsWith("Body.") || !invalid.endsWith(".Type=null")) {
            return false;
        }
        String[] steps =
                invalid.substring(0, invalid.length() - ".Type=null".length()).split("\\.");
        JsonNode content = document.path("paths")
                .path(requestCase.getPath())
                .path(requestCase.getOperation().toLowerCase(java.util.Locale.ROOT))
                .path("requestBody")
                .path("content");
        for (JsonNode mediaType : content) {
            JsonNode schema = mediaType.path("schema");
            boolean optional = false;
            // Body.<media type>.Value.Properties.<name>[.Value.Properties.<name>...]
            for (int i = 3; i + 1 < steps.length && steps[i].equals("Properties"); i += 3) {
                String name = steps[i + 1];
                optional = !schema.path("required").toString().contains("\"" + name + "\"");
                schema = schema.path("properties").path(name);
                if (i + 2 < steps.length && !steps[i + 2].equals("Value")) {
                    optional = false;
                    break;
                }
            }
            if (optional && !schema.isMissingNode()) {
                return true;
            }
        }
        return false;
    }

    /** A path parameter without a value leaves an empty segment: the request names another resource. */
    private static boolean addressesAnotherResource(RequestCase requestCase) {
        for (ParamData param : requestCase.getParams()) {
            if (param.getLocation() == ParamDef.Location.PATH
                    && Objects.toString(RequestCaseUtils.getPathParameterValue(param, true), "")
                            .isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private Response send(RequestCase requestCase) {
        RequestSpecification request = given().urlEncodingEnabled(false)
                .config(RestAssuredConfig.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        for (AuthDef auth : requestCase.getAuthDefs()) {
            if (auth instanceof HttpBearerDef) {
                request.header("Authorization", "Bearer " + TOKEN);
            }
        }
        String path = requestCase.getPath().replaceFirst(Pattern.quote(SHAPE) + "[A-Z_]+$", "");
        List<String> query = new ArrayList<>();
        for (ParamData param : requestCase.getParams()) {
            switch (param.getLocation()) {
                case PATH -> path = path.replace("{" + param.getName() + "}", pathValue(requestCase, param));
                case QUERY ->
                    RequestCaseUtils.getQueryParameters(param, true)
                            .forEach(entry -> query.add(entry.getKey() + "=" + entry.getValue()));
                case HEADER ->
                    RequestCaseUtils.getHeaderParameterValue(param)
                            .filter(value -> !randomPrecondition(requestCase, param))
                            .ifPresent(value -> request.header(param.getName(), value));
                case COOKIE ->
                    RequestCaseUtils.getCookieParameters(param)
                            .forEach(entry -> request.cookie(entry.getKey(), entry.getValue()));
            }
        }
        MessageData body = requestCase.getBody();
        if (body != null && body.getValue() != null) {
            request.contentType(body.getMediaType());
            if (body.getMediaType().contains("json")) {
                // As bytes: REST Assured would encode a string body of an unfamiliar JSON type as ISO-8859-1.
                request.body(json(body).getBytes(StandardCharsets.UTF_8));
            } else {
                request.body(json(body));
            }
        }
        String uri = query.isEmpty() ? path : path + "?" + String.join("&", query);
        lastRequest = uri + (body == null || body.getValue() == null ? "" : " " + json(body));
        return request.request(requestCase.getOperation().toUpperCase(), uri);
    }

    /**
     * The body as JSON. Tcases 4.1.1 pads the date-times it generates with five zeros after the "Z"
     * ("2027-08-08T03:35:43.989Z00000"), which no RFC 3339 parser takes; those are repaired here.
     */
    private static String json(MessageData body) {
        return GENERATOR_DATE_TIME
                .matcher(new DataValueJson().convert(body.getValue()))
                .replaceAll("$1Z\"");
    }

    /**
     * A random If-Match is a valid header that always fails the precondition (412), so the request would never
     * reach the body's rules; it is left out unless the case is about that header.
     */
    private static boolean randomPrecondition(RequestCase requestCase, ParamData param) {
        return param.isValid()
                && param.getName().equals("If-Match")
                && !requestCase.getName().startsWith("If-Match.");
    }

    /** Valid identifiers are swapped for records that exist, so the request gets past the lookup. */
    private String pathValue(RequestCase requestCase, ParamData param) {
        String generated = RequestCaseUtils.getPathParameterValue(param, true);
        if (!param.isValid()) {
            return generated;
        }
        String key = param.getName().equals("eventId")
                ? "{eventId}"
                : requestCase.getPath().substring(0, requestCase.getPath().indexOf('}') + 1);
        return realIds.getOrDefault(key, generated);
    }

    private static Map<String, List<String>> headers(Response response) {
        return response.getHeaders().asList().stream()
                .collect(Collectors.groupingBy(
                        Header::getName, Collectors.mapping(Header::getValue, Collectors.toList())));
    }

    /**
     * The documented responses of every operation, for Tcases' validator; {@code $ref}s already inlined.
     */
    private static ResponseValidator validator(JsonNode document, Findings findings) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        document.get("paths").fields().forEachRemaining(path -> {
            ObjectNode operations = root.putObject(path.getKey());
            path.getValue()
                    .fields()
                    .forEachRemaining(operation -> operations.set(
                            operation.getKey(), operation.getValue().get("responses")));
        });
        StringWriter responses = new StringWriter();
        ResponsesDef.write(new ResponsesDef(root), responses);
        return new ResponseValidator(new StringReader(responses.toString())).notifying(findings);
    }

    /**
     * The published document with every {@code $ref} replaced by what it points to. Tcases' reader leaves the
     * references of an OpenAPI 3.1 document unresolved and would then treat a referenced schema as "any type".
     */
    private static JsonNode inlined(File api) throws Exception {
        JsonNode document = new YAMLMapper().readTree(api);
        ObjectNode copy = (ObjectNode) document.deepCopy();
        copy.put("openapi", "3.0.3");
        copy.set("paths", oneShapePerOperation((ObjectNode) inline(document.get("paths"), document, 0)));
        copy.remove("components");
        copy.putObject("components").set("securitySchemes", document.at("/components/securitySchemes"));
        return copy;
    }

    /**
     * A request body that is one of several shapes told apart by a discriminator (an event: one shape per event
     * type) becomes one operation per shape, on a path of its own that {@link #send} maps back. Tcases then
     * covers each shape's fields, its required ones and its closed set of properties one by one, instead of
     * combining all shapes into one input model, which does not fit in memory.
     */
    private static ObjectNode oneShapePerOperation(ObjectNode paths) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        paths.fields().forEachRemaining(path -> {
            ObjectNode operations = ((ObjectNode) path.getValue()).deepCopy();
            result.set(path.getKey(), operations);
            path.getValue().fields().forEachRemaining(operation -> {
                JsonNode schema = operation
                        .getValue()
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                String discriminator =
                        schema.path("discriminator").path("propertyName").asText(null);
                if (discriminator == null || !schema.has("oneOf")) {
                    return;
                }
                operations.remove(operation.getKey());
                for (JsonNode shape : schema.get("oneOf")) {
                    String name = shape.path("properties")
                            .path(discriminator)
                            .path("enum")
                            .path(0)
                            .asText();
                    ObjectNode single = operation.getValue().deepCopy();
                    ((ObjectNode) single.at("/requestBody/content/application~1json")).set("schema", shape);
                    single.put(
                            "operationId",
                            operation.getValue().path("operationId").asText() + "_" + name);
                    result.putObject(path.getKey() + SHAPE + name).set(operation.getKey(), single);
                }
            });
            if (operations.isEmpty()) {
                result.remove(path.getKey());
            }
        });
        return result;
    }

    private static JsonNode inline(JsonNode node, JsonNode document, int depth) {
        if (depth > 50) {
            throw new IllegalStateException("The OpenAPI document has a reference cycle");
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(inline(item, document, depth + 1)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        if (node.has("examples") && node.get("examples").isArray()) {
            copy.set("example", node.get("examples").get(0));
        }
        if (node.has("$ref")) {
            copy.setAll(
                    (ObjectNode) inline(document.at(node.get("$ref").asText().substring(1)), document, depth + 1));
        }
        node.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$ref")
                    && !(field.getKey().equals("examples") && field.getValue().isArray())) {
                copy.set(field.getKey(), inline(field.getValue(), document, depth + 1));
            }
        });
        return copy;
    }

    /** Collects every violation, so one run reports all of them rather than the first. */
    private static final class Findings implements ResponseValidationHandler {
        final List<String> problems = new ArrayList<>();
        final List<String> unvalidated = new ArrayList<>();
        RequestCase current;

        void add(String problem) {
            problems.add(current.getOperation().toUpperCase() + " " + current.getPath() + " [" + current.getName()
                    + (current.isFailure() ? ", invalid " + current.getInvalidInput() : "") + "] " + problem);
        }

        @Override
        public void handleInvalid(ResponseValidationException condition) {
            add(condition.getMessage() + (condition.getCause() == null ? "" : " (" + condition.getCause() + ")"));
        }

        @Override
        public void handleUnvalidated(ResponseUnvalidatedException condition) {
            unvalidated.add(condition.getMessage());
        }
    }
}
