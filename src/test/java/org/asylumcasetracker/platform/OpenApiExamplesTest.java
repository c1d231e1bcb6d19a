package org.asylumcasetracker.platform;

import static io.restassured.RestAssured.given;
import static org.asylumcasetracker.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The examples in the OpenAPI document are what integrators copy first: assembled into request bodies,
 * they must be accepted. Only values that must be unique (ids, external references) and ids of records
 * created here are replaced.
 */
@QuarkusTest
class OpenApiExamplesTest {

    private JsonNode schemas;

    @BeforeEach
    void document() throws Exception {
        Organizations.ensureDemoTenants();
        schemas = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .get("components")
                .get("schemas");
    }

    @Test
    void theExampleRequestsAreAccepted() {
        String org = "ex-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode organization = example("CreateOrganizationRequest").put("id", org);
        as(TestTokens.ADMIN)
                .body(organization.toString())
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        as(TestTokens.ADMIN)
                .body(example("OrganizationSettings").toString())
                .put("/api/v1/organizations/" + org + "/settings")
                .then()
                .statusCode(200);

        String caseworker = TestTokens.token("alice", "caseworker", org);
        ObjectNode client = example("ClientInput").put("externalRef", "CRM-" + UUID.randomUUID());
        String clientId = as(caseworker)
                .body(client.toString())
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .body("aNumber", equalTo("A123456789"))
                .extract()
                .path("id");

        ObjectNode filing =
                example("FilingInput").put("clientId", clientId).put("externalRef", "CASE-" + UUID.randomUUID());
        String filingId = as(caseworker)
                .body(filing.toString())
                .post("/api/v1/filings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        ObjectNode receipt = example(shapeOf("EventInput", "RECEIPT_RECEIVED")).put("type", "RECEIPT_RECEIVED");
        as(caseworker)
                .body(receipt.toString())
                .post("/api/v1/filings/{id}/events", filingId)
                .then()
                .statusCode(201)
                .body("stage", equalTo("AWAITING_BIOMETRICS_NOTICE"));
        as(caseworker).get("/api/v1/filings/{id}", filingId).then().statusCode(200);
    }

    /** The schema a discriminated union maps a type name to. */
    private String shapeOf(String union, String type) {
        String ref =
                schemas.get(union).get("discriminator").get("mapping").get(type).asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** An object of the schema's property examples (first example of each property that has one). */
    private ObjectNode example(String schema) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> properties =
                        schemas.get(schema).get("properties").fields();
                properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode examples = property.getValue().get("examples");
            if (examples != null && examples.size() > 0) {
                body.set(property.getKey(), examples.get(0));
            }
        }
        return body;
    }
}
