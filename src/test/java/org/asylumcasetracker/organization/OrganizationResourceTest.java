package org.asylumcasetracker.organization;

import static org.asylumcasetracker.support.Api.anonymous;
import static org.asylumcasetracker.support.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganizationResourceTest {

    private static final String SETTINGS = "/api/v1/organizations/{id}/settings";

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void adminCreatesAnOrganizationWithTheDefaultThresholds() {
        String id = freshId();
        as(TestTokens.ADMIN)
                .body(Map.of("id", id, "name", "Riverside Legal Aid", "timeZone", "America/Chicago"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/organizations/" + id))
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("timeZone", equalTo("America/Chicago"))
                .body("settings.receiptOverdueMonths", equalTo(3))
                .body("settings.biometricsNoticeOverdueMonths", equalTo(2))
                .body("settings.hearingWarningDays", equalTo(60))
                .body("settings.packageGraceDays", equalTo(7))
                .body("settings.appointmentReminderDays", equalTo(7))
                .body("settings.walkInWindowDays", equalTo(21))
                .body("settings.onlineRescheduleCutoffHours", equalTo(12))
                .body("settings.maxOnlineReschedules", equalTo(2))
                .body("settings.workPermitWaitDays", equalTo(150))
                .body("settings.courtBiometricsProcess", equalTo("MAIL_PACKAGE"))
                .body("createdAt", notNullValue());

        as(TestTokens.ADMIN)
                .get("/api/v1/organizations/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Riverside Legal Aid"));
        as(TestTokens.ADMIN)
                .get("/api/v1/organizations?size=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("size", equalTo(200));
    }

    @Test
    void onlyAdminsCreateOrganizations() {
        Map<String, String> body = Map.of("id", freshId(), "name", "X", "timeZone", "UTC");
        anonymous()
                .body(body)
                .post("/api/v1/organizations")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"));
        for (String token : new String[] {TestTokens.ALICE, TestTokens.BOB, TestTokens.DANA, TestTokens.INTEGRATION}) {
            as(token)
                    .body(body)
                    .post("/api/v1/organizations")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
        as(TestTokens.ADMIN)
                .get("/api/v1/organizations/" + body.get("id"))
                .then()
                .statusCode(404);
    }

    @Test
    void aDuplicateIdIsAConflictAndChangesNothing() {
        as(TestTokens.ADMIN)
                .body(Map.of("id", "demo", "name", "Impostor", "timeZone", "UTC"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(TestTokens.ADMIN).get("/api/v1/organizations/demo").then().body("name", not(equalTo("Impostor")));
    }

    @Test
    void creationIsValidatedFieldByField() {
        as(TestTokens.ADMIN)
                .body(Map.of("id", "Bad Id!", "name", " ", "timeZone", "Mars/Olympus"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("id", "name"));
        as(TestTokens.ADMIN)
                .body(Map.of("id", freshId(), "name", "Clinic", "timeZone", "Mars/Olympus"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("timeZone"));
    }

    @Test
    void membersReadTheirOwnOrganizationOnly() {
        as(TestTokens.ALICE)
                .get("/api/v1/organizations/demo")
                .then()
                .statusCode(200)
                .body("id", equalTo("demo"));
        as(TestTokens.DANA).get("/api/v1/organizations/demo").then().statusCode(200);
        as(TestTokens.ALICE)
                .get("/api/v1/organizations/other-clinic")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        anonymous().get("/api/v1/organizations/demo").then().statusCode(401);
    }

    @Test
    void supervisorReadsAndChangesItsOwnSettings() {
        String id = freshOrganization();
        String supervisor = TestTokens.token("sam", "supervisor", id);
        as(supervisor)
                .get(SETTINGS, id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("receiptOverdueMonths", equalTo(3));

        Map<String, Object> settings = defaults();
        settings.put("receiptOverdueMonths", 4);
        settings.put("courtBiometricsProcess", "AUTOMATIC");
        as(supervisor)
                .header("If-Match", "\"0\"")
                .body(settings)
                .put(SETTINGS, id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("receiptOverdueMonths", equalTo(4))
                .body("courtBiometricsProcess", equalTo("AUTOMATIC"));

        as(TestTokens.ADMIN)
                .get(SETTINGS, id)
                .then()
                .statusCode(200)
                .body("receiptOverdueMonths", equalTo(4))
                .header("ETag", equalTo("\"1\""));
        as(TestTokens.ADMIN)
                .get("/api/v1/organizations/" + id)
                .then()
                .body("createdAt", notNullValue())
                .body("settings.receiptOverdueMonths", equalTo(4));
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String id = freshOrganization();
        Map<String, Object> settings = defaults();
        settings.put("walkInWindowDays", 30);
        as(TestTokens.ADMIN)
                .header("If-Match", "\"7\"")
                .body(settings)
                .put(SETTINGS, id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("status", equalTo(412));
        as(TestTokens.ADMIN).get(SETTINGS, id).then().body("walkInWindowDays", equalTo(21));
    }

    @Test
    void settingsOfAnotherOrganizationAreInvisibleToASupervisor() {
        as(TestTokens.BOB).get(SETTINGS, "other-clinic").then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.BOB).body(defaults()).put(SETTINGS, "other-clinic").then().statusCode(404);
        as(TestTokens.CAROL_SUPERVISOR).get(SETTINGS, "demo").then().statusCode(404);
    }

    @Test
    void settingsAreForSupervisorsAndAdmins() {
        as(TestTokens.ALICE).get(SETTINGS, "demo").then().statusCode(403);
        as(TestTokens.DANA).get(SETTINGS, "demo").then().statusCode(403);
        as(TestTokens.INTEGRATION).get(SETTINGS, "demo").then().statusCode(403);
        as(TestTokens.ALICE).body(defaults()).put(SETTINGS, "demo").then().statusCode(403);
        anonymous().get(SETTINGS, "demo").then().statusCode(401);
        as(TestTokens.BOB).get(SETTINGS, "demo").then().statusCode(200);
    }

    @Test
    void settingsAreValidated() {
        String id = freshOrganization();
        Map<String, Object> settings = defaults();
        settings.put("receiptOverdueMonths", 0);
        settings.put("hearingWarningDays", -5);
        settings.remove("walkInWindowDays");
        as(TestTokens.ADMIN)
                .body(settings)
                .put(SETTINGS, id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder("receiptOverdueMonths", "hearingWarningDays", "walkInWindowDays"));

        Map<String, Object> unknownProcess = defaults();
        unknownProcess.put("courtBiometricsProcess", "CARRIER_PIGEON");
        as(TestTokens.ADMIN)
                .body(unknownProcess)
                .put(SETTINGS, id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("courtBiometricsProcess"));

        as(TestTokens.ADMIN)
                .get(SETTINGS, id)
                .then()
                .header("ETag", equalTo("\"0\""))
                .body("receiptOverdueMonths", equalTo(3));
    }

    @Test
    void aTokenForAnUnknownOrganizationIsForbidden() {
        String ghost = TestTokens.token("gina", "supervisor", "no-such-clinic");
        as(ghost)
                .get(SETTINGS, "no-such-clinic")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", notNullValue());
        as(ghost).get("/api/v1/organizations/demo").then().statusCode(403);
        String noClaim = TestTokens.token("nora", "caseworker", null);
        as(noClaim).get("/api/v1/organizations/demo").then().statusCode(403).body("reference", nullValue());
    }

    private static String freshId() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String freshOrganization() {
        String id = freshId();
        Organizations.ensure(id, "Clinic " + id, "America/New_York");
        return id;
    }

    static Map<String, Object> defaults() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("receiptOverdueMonths", 3);
        settings.put("biometricsNoticeOverdueMonths", 2);
        settings.put("hearingWarningDays", 60);
        settings.put("packageGraceDays", 7);
        settings.put("appointmentReminderDays", 7);
        settings.put("walkInWindowDays", 21);
        settings.put("onlineRescheduleCutoffHours", 12);
        settings.put("maxOnlineReschedules", 2);
        settings.put("workPermitWaitDays", 150);
        settings.put("courtBiometricsProcess", "MAIL_PACKAGE");
        return settings;
    }
}
