package org.asylumcasetracker.integration.webhook;

import static org.asylumcasetracker.integration.webhook.Webhooks.PATH;
import static org.asylumcasetracker.integration.webhook.Webhooks.SECRET;
import static org.asylumcasetracker.support.Api.anonymous;
import static org.asylumcasetracker.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The subscription API: shape, validation, roles and tenancy. Delivery itself is WebhookDeliveryTest's. */
@QuarkusTest
class WebhookResourceTest {

    private static final String RECEIVER = "https://crm.example.org/hooks/asylum?source=tracker";

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void subscribeReadListAndDeleteWithoutEverShowingTheSecret() {
        String id = as(TestTokens.BOB)
                .body(Webhooks.body(RECEIVER, "FILING_STAGE_CHANGED", "ALERT_DUE"))
                .post(PATH)
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/webhooks/[0-9a-f-]{36}"))
                .body("url", equalTo(RECEIVER))
                .body("events", contains("FILING_STAGE_CHANGED", "ALERT_DUE"))
                .body("createdBy", equalTo("bob"))
                .body("createdAt", notNullValue())
                .body("$", not(hasKey("secret")))
                .body(not(containsString(SECRET)))
                .extract()
                .path("id");

        as(TestTokens.INTEGRATION)
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("$", not(hasKey("secret")));
        as(TestTokens.INTEGRATION)
                .queryParam("size", 200)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("page", equalTo(0))
                .body("size", equalTo(200))
                .body(not(containsString(SECRET)));
        as(TestTokens.BOB)
                .get(PATH + "/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .body("total", equalTo(0))
                .body("items", equalTo(List.of()));

        as(TestTokens.INTEGRATION).delete(PATH + "/" + id).then().statusCode(204);
        as(TestTokens.BOB).get(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.BOB).get(PATH + "/" + id + "/deliveries").then().statusCode(404);
        as(TestTokens.BOB).delete(PATH + "/" + id).then().statusCode(404);
        as(TestTokens.BOB).queryParam("size", 200).get(PATH).then().body("items.id", not(hasItem(id)));
    }

    @Test
    void theIntegrationRoleSubscribesToo() {
        String id = as(TestTokens.INTEGRATION)
                .body(Webhooks.body(RECEIVER, "CLIENT_CHANGED"))
                .post(PATH)
                .then()
                .statusCode(201)
                .body("createdBy", equalTo("service-account-clinic-integration"))
                .extract()
                .path("id");
        Webhooks.unsubscribe(TestTokens.INTEGRATION, id);
    }

    @Test
    void urlsOtherThanPlainHttpOrHttpsAreRefusedNamingTheField() {
        for (String url : List.of(
                "ftp://files.example.org/in",
                "https://user:password@crm.example.org/hooks",
                "https://token@crm.example.org/hooks",
                "https:///no-host",
                "crm.example.org/hooks",
                "javascript:alert(1)",
                "https://crm.example.org/hooks#part",
                "http://exa mple.org/",
                "https://crm.example.org/" + "a".repeat(2000))) {
            as(TestTokens.BOB)
                    .body(Webhooks.body(url, "ALERT_DUE"))
                    .post(PATH)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("url"));
        }
    }

    @Test
    void internalAndSpecialPurposeTargetsAreRefusedNamingTheField() {
        // The test profile allows 127.0.0.1 alone (the tests' receivers); the names resolve in TestHostResolver.
        for (String url : List.of(
                "http://127.0.0.2:8080/hooks",
                "http://10.0.0.5/hooks",
                "http://192.168.1.20/hooks",
                "http://169.254.10.1/hooks",
                "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hooks",
                "http://[::ffff:10.0.0.5]/hooks",
                "http://[::ffff:169.254.169.254]/hooks",
                "http://[64:ff9b::a00:5]/hooks",
                "http://[2002:c0a8:114::1]/hooks",
                "http://198.18.0.1/hooks",
                "http://intranet.clinic.test/hooks",
                "http://metadata.clinic.test/latest/meta-data",
                "http://no-such-host.clinic.test/hooks")) {
            as(TestTokens.BOB)
                    .body(Webhooks.body(url, "ALERT_DUE"))
                    .post(PATH)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("url"));
        }
    }

    @Test
    void secretAndEventsAreChecked() {
        as(TestTokens.BOB)
                .body(Map.of("url", RECEIVER, "secret", "too-short", "events", List.of("ALERT_DUE")))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", contains("secret"));
        // the old free-form secrets are not Standard Webhooks secrets
        as(TestTokens.BOB)
                .body(Map.of(
                        "url", RECEIVER, "secret", "s3cret-shared-with-the-clinic-crm", "events", List.of("ALERT_DUE")))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", contains("secret"))
                .body("errors[0].message", containsString("whsec_"));
        // well-formed, but a 16-byte key is shorter than the 24 bytes the format asks for
        as(TestTokens.BOB)
                .body(Map.of(
                        "url",
                        RECEIVER,
                        "secret",
                        "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[16]),
                        "events",
                        List.of("ALERT_DUE")))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", contains("secret"));
        as(TestTokens.BOB)
                .body(Map.of(
                        "url",
                        RECEIVER,
                        "secret",
                        "whsec_not*base64*at*all*0123456789abcdef",
                        "events",
                        List.of("ALERT_DUE")))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", contains("secret"));
        as(TestTokens.BOB)
                .body(Map.of("url", RECEIVER, "secret", SECRET, "events", List.of()))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", contains("events"));
        as(TestTokens.BOB)
                .body(Map.of("url", RECEIVER, "secret", SECRET, "events", List.of("ALERT_DUE", "FILING_DELETED")))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("events[1]"))
                .body("errors[0].message", containsString("FILING_STAGE_CHANGED"));
        as(TestTokens.BOB)
                .body(Map.of("secret", SECRET, "events", List.of("ALERT_DUE")))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", contains("url"));
    }

    @Test
    void onlySupervisorsAndIntegrationsManageWebhooks() {
        String id = Webhooks.subscribe(TestTokens.BOB, RECEIVER, "ALERT_DUE");
        for (String token : List.of(TestTokens.ALICE, TestTokens.DANA)) {
            as(token)
                    .body(Webhooks.body(RECEIVER, "ALERT_DUE"))
                    .post(PATH)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            as(token).get(PATH).then().statusCode(403);
            as(token).get(PATH + "/" + id).then().statusCode(403);
            as(token).get(PATH + "/" + id + "/deliveries").then().statusCode(403);
            as(token).delete(PATH + "/" + id).then().statusCode(403);
        }
        anonymous().body(Webhooks.body(RECEIVER, "ALERT_DUE")).post(PATH).then().statusCode(401);
        anonymous().get(PATH).then().statusCode(401);
        anonymous().delete(PATH + "/" + id).then().statusCode(401);
        as(TestTokens.BOB).get(PATH + "/" + id).then().statusCode(200);
        Webhooks.unsubscribe(TestTokens.BOB, id);
    }

    @Test
    void anotherOrganizationsWebhooksAreInvisible() {
        String demo = Webhooks.subscribe(TestTokens.BOB, RECEIVER, "ALERT_DUE");
        String other = Webhooks.subscribe(TestTokens.CAROL_SUPERVISOR, RECEIVER, "ALERT_DUE");

        as(TestTokens.CAROL_SUPERVISOR).get(PATH + "/" + demo).then().statusCode(404);
        as(TestTokens.CAROL_SUPERVISOR)
                .get(PATH + "/" + demo + "/deliveries")
                .then()
                .statusCode(404);
        as(TestTokens.CAROL_SUPERVISOR).delete(PATH + "/" + demo).then().statusCode(404);
        as(TestTokens.CAROL_SUPERVISOR)
                .queryParam("size", 200)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(other))
                .body("items.id", not(hasItem(demo)));
        as(TestTokens.BOB)
                .queryParam("size", 200)
                .get(PATH)
                .then()
                .body("items.id", hasItem(demo))
                .body("items.id", not(hasItem(other)));
        // the failed delete did not touch demo's subscription
        as(TestTokens.BOB).get(PATH + "/" + demo).then().statusCode(200);
        as(TestTokens.BOB).get(PATH + "/" + UUID.randomUUID()).then().statusCode(404);

        Webhooks.unsubscribe(TestTokens.BOB, demo);
        Webhooks.unsubscribe(TestTokens.CAROL_SUPERVISOR, other);
    }

    @Test
    void pagingIsBounded() {
        as(TestTokens.BOB).queryParam("size", 201).get(PATH).then().statusCode(400);
        as(TestTokens.BOB).queryParam("page", -1).get(PATH).then().statusCode(400);
    }
}
