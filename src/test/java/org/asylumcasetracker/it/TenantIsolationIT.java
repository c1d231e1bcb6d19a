package org.asylumcasetracker.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Carol works for another clinic. With real Keycloak tokens, neither clinic sees anything of the other:
 * not by id, not in lists, reports, CSV, summary, the change feed, settings or by external reference.
 */
class TenantIsolationIT {

    private static final String MARKER = "Isolde" + UUID.randomUUID().toString().substring(0, 6);

    private static ItEnvironment env;
    private static String demoClient;
    private static String demoFiling;
    private static String demoEvent;
    private static String otherClient;
    private static String otherFiling;
    private static String otherRef;

    @BeforeAll
    static void twoClinics() {
        env = ItEnvironment.shared();
        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles")).minusDays(1);
        demoClient = env.as("alice").body(Map.of("firstName", "Demo", "lastName", "Person")).post("/api/v1/clients")
                .then().statusCode(201).extract().path("id");
        demoFiling = env.as("alice").body(Map.of("clientId", demoClient, "venue", "USCIS", "channel", "MAIL",
                "filedOn", today.minusDays(200).toString())).post("/api/v1/filings").then().statusCode(201).extract().path("id");
        demoEvent = env.as("alice").body(Map.of("type", "CONTACT_LOGGED", "occurredOn", today.toString()))
                .post("/api/v1/filings/" + demoFiling + "/events").then().statusCode(201).extract().path("event.id");

        otherRef = "OTHER-" + UUID.randomUUID();
        otherClient = env.as("carol").body(Map.of("firstName", MARKER, "lastName", "Elsewhere", "externalRef", otherRef))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        // filed long ago, no receipt: it is overdue in other-clinic's report
        otherFiling = env.as("carol").body(Map.of("clientId", otherClient, "venue", "USCIS", "channel", "MAIL",
                "filedOn", today.minusDays(200).toString(), "externalRef", otherRef)).post("/api/v1/filings")
                .then().statusCode(201).extract().path("id");
        env.as("carol").body(Map.of("type", "CONTACT_LOGGED", "occurredOn", today.toString()))
                .post("/api/v1/filings/" + otherFiling + "/events").then().statusCode(201);
    }

    @Test
    void carolSeesNothingOfDemo() {
        env.as("carol").get("/api/v1/clients/" + demoClient).then().statusCode(404);
        env.as("carol").body(Map.of("firstName", "X")).patch("/api/v1/clients/" + demoClient).then().statusCode(404);
        env.as("carol").get("/api/v1/filings/" + demoFiling).then().statusCode(404);
        env.as("carol").get("/api/v1/filings/" + demoFiling + "/events").then().statusCode(404);
        env.as("carol").get("/api/v1/filings/" + demoFiling + "/alerts").then().statusCode(404);
        env.as("carol").body(Map.of("type", "CONTACT_LOGGED", "occurredOn", LocalDate.now().minusDays(2).toString()))
                .post("/api/v1/filings/" + demoFiling + "/events").then().statusCode(404);
        env.as("carol").get("/api/v1/organizations/demo").then().statusCode(404);
        env.as("carol").queryParam("size", 200).get("/api/v1/clients").then().statusCode(200)
                .body("items.id", not(hasItem(demoClient)));
        env.as("carol").queryParam("size", 200).get("/api/v1/filings").then().statusCode(200)
                .body("items.id", not(hasItem(demoFiling)));
        env.as("carol").get("/api/v1/reports/overdue").then().statusCode(200)
                .body("items.filingId", not(hasItem(demoFiling)));
    }

    @Test
    void demoSeesNothingOfTheOtherClinic() {
        for (String user : new String[] {"alice", "bob", "clinic-integration"}) {
            env.as(user).get("/api/v1/clients/" + otherClient).then().statusCode(404);
            env.as(user).get("/api/v1/filings/" + otherFiling).then().statusCode(404);
            env.as(user).get("/api/v1/filings/" + otherFiling + "/events").then().statusCode(404);
            env.as(user).get("/api/v1/filings/" + otherFiling + "/alerts").then().statusCode(404);
            env.as(user).queryParam("q", MARKER).get("/api/v1/clients").then().statusCode(200).body("total", equalTo(0));
            env.as(user).queryParam("clientId", otherClient).get("/api/v1/filings").then().body("total", equalTo(0));
        }
        env.as("bob").queryParam("size", 200).get("/api/v1/reports/overdue").then().statusCode(200)
                .body("items.filingId", not(hasItem(otherFiling))).body(not(containsString(MARKER)));
        env.as("dana").accept("text/csv").get("/api/v1/reports/overdue").then().statusCode(200)
                .body(not(containsString(otherFiling))).body(not(containsString(MARKER)));
        env.as("dana").get("/api/v1/reports/overdue/summary").then().statusCode(200).body(not(containsString("carol")));
        env.as("bob").get("/api/v1/organizations/other-clinic/settings").then().statusCode(404);
        env.as("bob").get("/api/v1/organizations/other-clinic").then().statusCode(404);
        String feed = env.as("clinic-integration").queryParam("limit", 1000).get("/api/v1/changes").then()
                .statusCode(200).extract().asString();
        assertFalse(feed.contains(otherClient) || feed.contains(otherFiling), "demo's feed shows other-clinic's rows");
        // carol's clinic has no supervisor or integration account in the realm; webhook isolation between
        // organizations is covered by WebhookResourceTest with the in-process provider
        env.as("carol").get("/api/v1/webhooks").then().statusCode(403);
    }

    @Test
    void theSameExternalRefInAnotherClinicIsAnotherRecord() {
        // demo's clinic system uses a ref that other-clinic also uses: it creates demo's own client
        String created = env.as("clinic-integration").body(Map.of("firstName", "Same", "lastName", "Ref"))
                .put("/api/v1/clients/by-ref/" + otherRef).then().statusCode(201).extract().path("id");
        assertFalse(created.equals(otherClient));
        env.as("carol").get("/api/v1/clients/" + otherClient).then().statusCode(200)
                .body("firstName", equalTo(MARKER));
    }
}
