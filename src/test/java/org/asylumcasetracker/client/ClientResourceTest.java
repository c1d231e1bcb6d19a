package org.asylumcasetracker.client;

import static org.asylumcasetracker.support.Api.anonymous;
import static org.asylumcasetracker.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientResourceTest {

    private static final String CLIENTS = "/api/v1/clients";

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void createReadAndNormaliseTheANumber() {
        Map<String, Object> body = Mother.client();
        body.put("aNumber", "a-123-456-78");
        String id = as(TestTokens.ALICE)
                .body(body)
                .post(CLIENTS)
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/clients/[0-9a-f-]{36}"))
                .header("ETag", equalTo("\"0\""))
                .body("aNumber", equalTo("A012345678"))
                .body("caseworker", equalTo("alice"))
                .body("createdBy", equalTo("alice"))
                .body("identityDocuments", contains("PASSPORT"))
                .body("mailingAddress.state", equalTo("NJ"))
                .extract()
                .path("id");
        as(TestTokens.BOB)
                .get(CLIENTS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("firstName", equalTo(Mother.FIRST_NAME))
                .body("createdAt", notNullValue());
        as(TestTokens.INTEGRATION).get(CLIENTS + "/" + id).then().statusCode(200);
    }

    @Test
    void searchByNameExternalRefAndANumberAndFilterByCaseworker() {
        String marker = "Zyx" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = Mother.client();
        body.put("lastName", marker);
        body.put("externalRef", "CRM-" + marker);
        body.put("aNumber", "A987654321");
        body.put("caseworker", "carla");
        String id = as(TestTokens.BOB)
                .body(body)
                .post(CLIENTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as(TestTokens.ALICE)
                .queryParam("q", marker.toLowerCase())
                .get(CLIENTS)
                .then()
                .statusCode(200)
                .body("items.id", contains(id))
                .body("total", equalTo(1))
                .body("page", equalTo(0))
                .body("size", equalTo(50));
        as(TestTokens.ALICE)
                .queryParam("q", "amina " + marker.toLowerCase())
                .get(CLIENTS)
                .then()
                .body("items.id", contains(id));
        as(TestTokens.ALICE)
                .queryParam("q", "CRM-" + marker)
                .get(CLIENTS)
                .then()
                .body("items.id", contains(id));
        as(TestTokens.ALICE)
                .queryParam("q", "A-987-654-321")
                .get(CLIENTS)
                .then()
                .body("items.id", hasItem(id));
        as(TestTokens.ALICE)
                .queryParam("caseworker", "carla")
                .get(CLIENTS)
                .then()
                .body("items.id", hasItem(id));
        as(TestTokens.ALICE)
                .queryParam("caseworker", "nobody-" + marker)
                .get(CLIENTS)
                .then()
                .body("total", equalTo(0));
        as(TestTokens.ALICE)
                .queryParam("q", "%")
                .queryParam("size", 1)
                .get(CLIENTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void mergePatchChangesOnlyWhatItNamesAndNullClears() {
        String id = Mother.createClient(TestTokens.ALICE);
        as(TestTokens.ALICE)
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body(
                        "{\"phone\": null, \"mailingAddress\": {\"line2\": \"Apt 9\"}, \"identityDocuments\": [\"BIRTH_CERTIFICATE\", \"SCHOOL_ID\"]}")
                .patch(CLIENTS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("phone", nullValue())
                .body("email", equalTo("amina@example.org"))
                .body("mailingAddress.line1", equalTo("123 Main St"))
                .body("mailingAddress.line2", equalTo("Apt 9"))
                .body("identityDocuments", contains("BIRTH_CERTIFICATE", "SCHOOL_ID"))
                .body("updatedBy", equalTo("alice"));
        // application/json works too
        as(TestTokens.BOB)
                .body(Map.of("caseworker", "bob"))
                .patch(CLIENTS + "/" + id)
                .then()
                .statusCode(200)
                .body("caseworker", equalTo("bob"))
                .body("updatedBy", equalTo("bob"));
    }

    @Test
    void aStaleIfMatchIsRefusedAndNothingChanges() {
        String id = Mother.createClient(TestTokens.ALICE);
        as(TestTokens.ALICE)
                .body(Map.of("firstName", "Changed"))
                .patch(CLIENTS + "/" + id)
                .then()
                .statusCode(200);
        as(TestTokens.ALICE)
                .header("If-Match", "\"0\"")
                .body(Map.of("firstName", "Lost update"))
                .patch(CLIENTS + "/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        as(TestTokens.ALICE)
                .get(CLIENTS + "/" + id)
                .then()
                .body("firstName", equalTo("Changed"))
                .header("ETag", equalTo("\"1\""));
    }

    @Test
    void upsertByExternalRefCreatesThenUpdates() {
        String ref = "CRM-" + UUID.randomUUID();
        Map<String, Object> body = Mother.client();
        String id = as(TestTokens.INTEGRATION)
                .body(body)
                .put(CLIENTS + "/by-ref/" + ref)
                .then()
                .statusCode(201)
                .body("externalRef", equalTo(ref))
                .body("createdBy", equalTo("service-account-clinic-integration"))
                .body("caseworker", nullValue())
                .extract()
                .path("id");
        body.put("firstName", "Amina B.");
        as(TestTokens.INTEGRATION)
                .header("If-Match", "\"0\"")
                .body(body)
                .put(CLIENTS + "/by-ref/" + ref)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("firstName", equalTo("Amina B."))
                .header("ETag", equalTo("\"1\""));
        as(TestTokens.INTEGRATION)
                .header("If-Match", "\"0\"")
                .body(body)
                .put(CLIENTS + "/by-ref/" + ref)
                .then()
                .statusCode(412);
        body.put("externalRef", "another-ref");
        as(TestTokens.INTEGRATION)
                .body(body)
                .put(CLIENTS + "/by-ref/" + ref)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("externalRef"));
        // the same externalRef cannot be given to a second client
        Map<String, Object> second = Mother.client();
        second.put("externalRef", ref);
        as(TestTokens.ALICE).body(second).post(CLIENTS).then().statusCode(409);
    }

    @Test
    void badInputNamesEachFieldAndWritesNothing() {
        String marker = "Bad" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("lastName", marker);
        body.put("aNumber", "B-1234");
        body.put("email", "not-an-email");
        body.put("dateOfBirth", "2999-01-01");
        body.put("phone", "call me maybe");
        body.put("mailingAddress", Map.of("state", "New Jersey", "postalCode", "7102"));
        as(TestTokens.ALICE)
                .body(body)
                .post(CLIENTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "firstName",
                                "aNumber",
                                "email",
                                "dateOfBirth",
                                "phone",
                                "mailingAddress.state",
                                "mailingAddress.postalCode"));
        body.put("firstName", "Valid");
        body.remove("email");
        body.remove("dateOfBirth");
        body.remove("phone");
        body.remove("mailingAddress");
        as(TestTokens.ALICE)
                .body(body)
                .post(CLIENTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("aNumber"));
        body.put("aNumber", "A12345678");
        body.put("identityDocuments", List.of("PASSPORT", "LIBRARY_CARD"));
        as(TestTokens.ALICE)
                .body(body)
                .post(CLIENTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("identityDocuments[1]"));
        body.put("identityDocuments", List.of("PASSPORT"));
        body.put("dateOfBirth", "12/04/1990");
        as(TestTokens.ALICE)
                .body(body)
                .post(CLIENTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dateOfBirth"));
        body.remove("dateOfBirth");
        body.put("firstName", 42);
        as(TestTokens.ALICE)
                .body(body)
                .post(CLIENTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("firstName"));
        as(TestTokens.ALICE).queryParam("q", marker).get(CLIENTS).then().body("total", equalTo(0));

        String id = Mother.createClient(TestTokens.ALICE);
        as(TestTokens.ALICE)
                .body(Map.of("aNumber", "nope"))
                .patch(CLIENTS + "/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("aNumber"));
        as(TestTokens.ALICE)
                .body("{\"firstName\": null}")
                .patch(CLIENTS + "/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("firstName"));
        as(TestTokens.ALICE).body("[]").patch(CLIENTS + "/" + id).then().statusCode(400);
        as(TestTokens.ALICE)
                .get(CLIENTS + "/" + id)
                .then()
                .header("ETag", equalTo("\"0\""))
                .body("aNumber", equalTo("A012345678"));
    }

    @Test
    void rolesAndTenancy() {
        // a name no other client has, so that a search finds this client wherever it would be in the list
        String marker = "Tenancy" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new java.util.HashMap<>(Mother.client());
        body.put("lastName", marker);
        String id = as(TestTokens.ALICE)
                .body(body)
                .post(CLIENTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        anonymous().get(CLIENTS + "/" + id).then().statusCode(401);
        as(TestTokens.DANA).get(CLIENTS + "/" + id).then().statusCode(403);
        as(TestTokens.ADMIN).get(CLIENTS + "/" + id).then().statusCode(403);
        as(TestTokens.DANA).body(Mother.client()).post(CLIENTS).then().statusCode(403);

        // Carol of another clinic sees nothing of demo's client, by id, in lists or by reference.
        as(TestTokens.CAROL).get(CLIENTS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.CAROL)
                .body(Map.of("firstName", "X"))
                .patch(CLIENTS + "/" + id)
                .then()
                .statusCode(404);
        as(TestTokens.ALICE)
                .queryParam("q", marker)
                .get(CLIENTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        as(TestTokens.CAROL)
                .queryParam("q", marker)
                .get(CLIENTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        as(TestTokens.CAROL)
                .queryParam("caseworker", "alice")
                .queryParam("q", marker)
                .get(CLIENTS)
                .then()
                .body("total", equalTo(0));
        as(TestTokens.ALICE).get(CLIENTS + "/" + UUID.randomUUID()).then().statusCode(404);
        as(TestTokens.ALICE).get(CLIENTS + "/not-a-uuid").then().statusCode(400);
        as(TestTokens.ALICE).get(CLIENTS + "/" + id).then().body("firstName", equalTo(Mother.FIRST_NAME));
    }
}
