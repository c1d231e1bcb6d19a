package org.asylumcasetracker.platform;

import static org.asylumcasetracker.support.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.support.Dates;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request body refuses members it does not know, names them in {@code errors[].field} together with
 * every other invalid field, and writes nothing.
 */
@QuarkusTest
class StrictInputTest {

    private static final String CLIENTS = "/api/v1/clients";
    private static final String FILINGS = "/api/v1/filings";
    private static final String SETTINGS = "/api/v1/organizations/demo/settings";
    private static final String UNKNOWN = "is not a known field";

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void aSchemaErrorARuleErrorAndAnUnknownFieldComeInOneAnswer() {
        int before = clientCount();

        invalid(as(TestTokens.ALICE)
                        .body(Map.of("firstName", "Ana", "aNumber", "A12", "nickname", "x"))
                        .post(CLIENTS)
                        .then())
                .body("errors.field", containsInAnyOrder("aNumber", "lastName", "nickname"))
                .body("errors.find { it.field == 'nickname' }.message", equalTo(UNKNOWN));

        assertEquals(before, clientCount());
    }

    @Test
    void anUnknownFieldAloneIsRefused() {
        int before = clientCount();
        Map<String, Object> client = Mother.client();
        client.put("nickname", "x");

        invalid(as(TestTokens.ALICE).body(client).post(CLIENTS).then())
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("nickname"))
                .body("errors[0].message", equalTo(UNKNOWN));

        assertEquals(before, clientCount());
    }

    @Test
    void anUnknownFieldInANestedObjectIsNamedByItsPath() {
        Map<String, Object> client = Mother.client();
        client.put("mailingAddress", Map.of("line1", "123 Main St", "city", "Newark", "zip", "07102"));

        invalid(as(TestTokens.ALICE).body(client).post(CLIENTS).then())
                .body("errors.field", containsInAnyOrder("mailingAddress.zip"));
    }

    @Test
    void anUpsertByRefWithAnUnknownFieldCreatesNothing() {
        String ref = "STRICT-" + UUID.randomUUID();
        Map<String, Object> client = Mother.client();
        client.put("middleName", "x");

        invalid(as(TestTokens.INTEGRATION)
                        .body(client)
                        .put(CLIENTS + "/by-ref/" + ref)
                        .then())
                .body("errors.field", containsInAnyOrder("middleName"));

        client.remove("middleName");
        as(TestTokens.INTEGRATION)
                .body(client)
                .put(CLIENTS + "/by-ref/" + ref)
                .then()
                .statusCode(201);
    }

    @Test
    void aMergePatchNamingAnUnknownFieldChangesNothing() {
        String clientId = Mother.createClient(TestTokens.ALICE);
        long version = clientVersion(clientId);

        invalid(as(TestTokens.ALICE)
                        .contentType("application/merge-patch+json")
                        .body(Map.of("phone", "+1 973 555 0199", "nickname", "x"))
                        .patch(CLIENTS + "/" + clientId)
                        .then())
                .body("errors.field", containsInAnyOrder("nickname"));

        assertEquals(version, clientVersion(clientId));
        as(TestTokens.ALICE).get(CLIENTS + "/" + clientId).then().body("phone", equalTo("+1 973 555 0100"));
    }

    @Test
    void aFilingWithAnUnknownFieldIsNotOpened() {
        String clientId = Mother.createClient(TestTokens.ALICE);
        Map<String, Object> filing = Mother.uscisFiling(clientId, "MAIL", 30);
        filing.put("filingDate", Dates.daysAgo(30));

        invalid(as(TestTokens.ALICE).body(filing).post(FILINGS).then())
                .body("errors.field", containsInAnyOrder("filingDate"));

        as(TestTokens.ALICE)
                .queryParam("clientId", clientId)
                .get(FILINGS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aFilingPatchNamingAnUnknownFieldChangesNothing() {
        String clientId = Mother.createClient(TestTokens.ALICE);
        String filingId = Mother.createFiling(TestTokens.ALICE, Mother.courtFiling(clientId, 30));

        invalid(as(TestTokens.ALICE)
                        .contentType("application/merge-patch+json")
                        .body(Map.of("courtName", "Elsewhere", "judge", "x"))
                        .patch(FILINGS + "/" + filingId)
                        .then())
                .body("errors.field", containsInAnyOrder("judge"));

        as(TestTokens.ALICE)
                .get(FILINGS + "/" + filingId)
                .then()
                .body("courtName", equalTo("Newark Immigration Court"));
    }

    @Test
    void aMistypedHearingKindIsRefusedInsteadOfBecomingAMasterCalendarHearing() {
        String clientId = Mother.createClient(TestTokens.ALICE);
        String filingId = Mother.createFiling(TestTokens.ALICE, Mother.courtFiling(clientId, 30));
        Map<String, Object> event = Mother.event(
                "HEARING_SCHEDULED",
                Dates.daysAgo(1),
                "hearingAt",
                "2027-03-01T09:00:00-05:00",
                "hearingKind",
                "INDIVIDUAL");

        invalid(as(TestTokens.ALICE)
                        .body(event)
                        .post(FILINGS + "/" + filingId + "/events")
                        .then())
                .body("errors.field", hasItem("hearingKind"));

        as(TestTokens.ALICE)
                .get(FILINGS + "/" + filingId + "/events")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void anOrganizationWithAnUnknownFieldIsNotCreated() {
        String id = "strict-" + UUID.randomUUID().toString().substring(0, 8);

        invalid(as(TestTokens.ADMIN)
                        .body(Map.of(
                                "id", id, "name", "Strict Clinic", "timeZone", "America/New_York", "country", "US"))
                        .post("/api/v1/organizations")
                        .then())
                .body("errors.field", containsInAnyOrder("country"));

        as(TestTokens.ADMIN).get("/api/v1/organizations/" + id).then().statusCode(404);
    }

    @Test
    void settingsWithAnUnknownThresholdAreNotReplaced() {
        Map<String, Object> settings = as(TestTokens.BOB)
                .get(SETTINGS)
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        Map<String, Object> changed = new HashMap<>(settings);
        changed.put("receiptOverdueMonths", 5);
        changed.put("receiptOverdueWeeks", 20);

        invalid(as(TestTokens.BOB).body(changed).put(SETTINGS).then())
                .body("errors.field", containsInAnyOrder("receiptOverdueWeeks"));

        as(TestTokens.BOB)
                .get(SETTINGS)
                .then()
                .body("receiptOverdueMonths", equalTo(settings.get("receiptOverdueMonths")));
    }

    @Test
    void aWebhookWithAnUnknownFieldIsNotSubscribed() {
        int before = as(TestTokens.BOB)
                .get("/api/v1/webhooks")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        Map<String, Object> subscription =
                Map.of("url", "http://127.0.0.1:9/cases", "events", List.of("ALERT_DUE"), "filter", "all");

        invalid(as(TestTokens.BOB).body(subscription).post("/api/v1/webhooks").then())
                .body("errors.field", containsInAnyOrder("filter"));

        as(TestTokens.BOB).get("/api/v1/webhooks").then().body("total", equalTo(before));
    }

    private static ValidatableResponse invalid(ValidatableResponse response) {
        return response.statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:asylum-case-tracker:problem:validation"));
    }

    private static int clientCount() {
        return as(TestTokens.ALICE)
                .get(CLIENTS + "?size=1")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }

    private static long clientVersion(String clientId) {
        String etag = as(TestTokens.ALICE)
                .get(CLIENTS + "/" + clientId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        return Long.parseLong(etag.replace("\"", "").replace("W/", ""));
    }
}
