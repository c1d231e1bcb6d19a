package org.asylumcasetracker.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
    private static final String DEMO_MARKER =
            "Demetria" + UUID.randomUUID().toString().substring(0, 6);

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
        demoClient = env.as("alice")
                .body(Map.of("firstName", DEMO_MARKER, "lastName", "Person"))
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        demoFiling = env.as("alice")
                .body(Map.of(
                        "clientId",
                        demoClient,
                        "venue",
                        "USCIS",
                        "channel",
                        "MAIL",
                        "filedOn",
                        today.minusDays(200).toString()))
                .post("/api/v1/filings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        demoEvent = env.as("alice")
                .body(Map.of("type", "CONTACT_LOGGED", "occurredOn", today.toString()))
                .post("/api/v1/filings/" + demoFiling + "/events")
                .then()
                .statusCode(201)
                .extract()
                .path("event.id");

        otherRef = "OTHER-" + UUID.randomUUID();
        otherClient = env.as("carol")
                .body(Map.of("firstName", MARKER, "lastName", "Elsewhere", "externalRef", otherRef))
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // filed long ago, no receipt: it is overdue in other-clinic's report
        otherFiling = env.as("carol")
                .body(Map.of(
                        "clientId",
                        otherClient,
                        "venue",
                        "USCIS",
                        "channel",
                        "MAIL",
                        "filedOn",
                        today.minusDays(200).toString(),
                        "externalRef",
                        otherRef))
                .post("/api/v1/filings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        env.as("carol")
                .body(Map.of("type", "CONTACT_LOGGED", "occurredOn", today.toString()))
                .post("/api/v1/filings/" + otherFiling + "/events")
                .then()
                .statusCode(201);
    }

    @Test
    void carolSeesNothingOfDemo() {
        env.as("carol").get("/api/v1/clients/" + demoClient).then().statusCode(404);
        env.as("carol")
                .body(Map.of("firstName", "X"))
                .patch("/api/v1/clients/" + demoClient)
                .then()
                .statusCode(404);
        env.as("carol").get("/api/v1/filings/" + demoFiling).then().statusCode(404);
        env.as("carol").get("/api/v1/filings/" + demoFiling + "/events").then().statusCode(404);
        env.as("carol").get("/api/v1/filings/" + demoFiling + "/alerts").then().statusCode(404);
        env.as("carol")
                .body(Map.of(
                        "type",
                        "CONTACT_LOGGED",
                        "occurredOn",
                        LocalDate.now().minusDays(2).toString()))
                .post("/api/v1/filings/" + demoFiling + "/events")
                .then()
                .statusCode(404);
        env.as("carol").get("/api/v1/organizations/demo").then().statusCode(404);
    }

    // The tables grow with every test: the list checks search by what only demo's record has and count, or read
    // every page, never just a first page.

    @Test
    void carolsClientListHasNoneOfDemos() {
        env.as("alice")
                .queryParam("q", DEMO_MARKER)
                .get("/api/v1/clients")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        env.as("carol")
                .queryParam("q", DEMO_MARKER)
                .get("/api/v1/clients")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void carolsFilingListHasNoneOfDemos() {
        env.as("alice")
                .queryParam("clientId", demoClient)
                .get("/api/v1/filings")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        env.as("carol")
                .queryParam("clientId", demoClient)
                .get("/api/v1/filings")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void carolsOverdueReportHasNoneOfDemos() {
        assertFalse(reportFilings("carol").contains(demoFiling), "carol's overdue report lists demo's filing");
    }

    @Test
    void demoSeesNothingOfTheOtherClinic() {
        for (String user : new String[] {"alice", "bob", "clinic-integration"}) {
            env.as(user).get("/api/v1/clients/" + otherClient).then().statusCode(404);
            env.as(user).get("/api/v1/filings/" + otherFiling).then().statusCode(404);
            env.as(user)
                    .get("/api/v1/filings/" + otherFiling + "/events")
                    .then()
                    .statusCode(404);
            env.as(user)
                    .get("/api/v1/filings/" + otherFiling + "/alerts")
                    .then()
                    .statusCode(404);
            env.as(user)
                    .queryParam("q", MARKER)
                    .get("/api/v1/clients")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(0));
            env.as(user)
                    .queryParam("clientId", otherClient)
                    .get("/api/v1/filings")
                    .then()
                    .body("total", equalTo(0));
        }
        List<String> bobsReport = reportFilings("bob");
        assertTrue(bobsReport.contains(demoFiling), "demo's overdue filing is missing from demo's report");
        assertFalse(bobsReport.contains(otherFiling), "demo's report lists other-clinic's filing");
        env.as("bob")
                .queryParam("size", 200)
                .get("/api/v1/reports/overdue")
                .then()
                .statusCode(200)
                .body(not(containsString(MARKER)));
        env.as("dana")
                .accept("text/csv")
                .get("/api/v1/reports/overdue")
                .then()
                .statusCode(200)
                .body(not(containsString(otherFiling)))
                .body(not(containsString(MARKER)));
        env.as("dana")
                .get("/api/v1/reports/overdue/summary")
                .then()
                .statusCode(200)
                .body(not(containsString("carol")));
        env.as("bob").get("/api/v1/organizations/other-clinic/settings").then().statusCode(404);
        env.as("bob").get("/api/v1/organizations/other-clinic").then().statusCode(404);
        String feed = env.as("clinic-integration")
                .queryParam("limit", 1000)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(feed.contains(otherClient) || feed.contains(otherFiling), "demo's feed shows other-clinic's rows");
        // carol's clinic has no supervisor or integration account in the realm; webhook isolation between
        // organizations is covered by WebhookResourceTest with the in-process provider
        env.as("carol").get("/api/v1/webhooks").then().statusCode(403);
    }

    /** Every filing id of the user's overdue report, page by page until its total. */
    private static List<String> reportFilings(String user) {
        List<String> ids = new ArrayList<>();
        int total;
        int page = 0;
        do {
            var body = env.as(user)
                    .queryParam("size", 200)
                    .queryParam("page", page++)
                    .get("/api/v1/reports/overdue")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            total = body.getInt("total");
            List<String> items = body.getList("items.filingId", String.class);
            ids.addAll(items);
            if (items.isEmpty()) {
                break;
            }
        } while (ids.size() < total);
        assertEquals(total, ids.size(), "the report's pages do not add up to its total");
        return ids;
    }

    @Test
    void theSameExternalRefInAnotherClinicIsAnotherRecord() {
        // demo's clinic system uses a ref that other-clinic also uses: it creates demo's own client
        String created = env.as("clinic-integration")
                .body(Map.of("firstName", "Same", "lastName", "Ref"))
                .put("/api/v1/clients/by-ref/" + otherRef)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertFalse(created.equals(otherClient));
        env.as("carol")
                .get("/api/v1/clients/" + otherClient)
                .then()
                .statusCode(200)
                .body("firstName", equalTo(MARKER));
    }
}
