package org.asylumcasetracker.report;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.asylumcasetracker.support.Dates;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The one-year asylum deadline of people on no open filing, told through the API: on the client, in the client's
 * alerts, in the overdue report, its CSV and summary (rows with a clientId and no filingId), and gone for the days
 * a person is on an open filing, as principal or as a family member.
 */
@QuarkusTest
class OneYearDeadlineScenarioTest {

    private static final String REPORT = "/api/v1/reports/overdue";
    private static final String SUMMARY = "/api/v1/reports/overdue/summary";
    // Independence Day 2026 is a Saturday (observed Friday 3 July): the deadline moves to Monday 6 July.
    private static final String ARRIVED = "2025-07-04";
    private static final String DEADLINE = "2026-07-06";

    @Inject
    AlertRecomputeJob recomputeJob;

    private final String org = "oyd-" + UUID.randomUUID().toString().substring(0, 8);
    private final String supervisor = TestTokens.token("sofia", "supervisor", org);
    private final String caseworker = TestTokens.token("cwy", "caseworker", org);

    private String arrivedClient(String first) {
        Map<String, Object> body = Mother.client();
        body.put("firstName", first);
        body.put("lastArrivalOn", ARRIVED);
        return as(caseworker)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .body("oneYearDeadlineOn", equalTo(DEADLINE))
                .extract()
                .path("id");
    }

    private List<String> clientAlerts(String clientId, String asOf) {
        return as(caseworker)
                .queryParam("asOf", asOf)
                .get("/api/v1/clients/" + clientId + "/alerts")
                .then()
                .statusCode(200)
                .body("asOf", equalTo(asOf))
                .extract()
                .path("items.code");
    }

    @Test
    void aClientOnNoFilingIsWarnedThenFlaggedAndAFilingEndsIt() throws IOException {
        Organizations.ensure(org, "Deadline Clinic", "America/New_York");

        // 1. Amal arrived on 4 July 2025 and has not applied: her deadline is Monday 6 July 2026.
        String amal = arrivedClient("Amal");

        // 2. 90 days before it the approaching alert starts; from the day after the deadline it has passed.
        assertEquals(List.of(), clientAlerts(amal, "2026-04-06"));
        assertEquals(List.of("ONE_YEAR_DEADLINE_APPROACHING"), clientAlerts(amal, "2026-04-07"));
        as(caseworker)
                .queryParam("asOf", "2026-07-07")
                .get("/api/v1/clients/" + amal + "/alerts")
                .then()
                .statusCode(200)
                .body("items[0].code", equalTo("ONE_YEAR_DEADLINE_PASSED"))
                .body("items[0].severity", equalTo("CRITICAL"))
                .body("items[0].clientId", equalTo(amal))
                .body("items[0].filingId", nullValue())
                .body("items[0].dueOn", equalTo("2026-07-07"))
                .body("items[0].actions[0].kind", equalTo("SEEK_LEGAL_HELP"));

        // 3. The report, its CSV and its summary carry the same alert, with the client and no filing.
        as(supervisor)
                .queryParam("asOf", "2026-07-07")
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].code", equalTo("ONE_YEAR_DEADLINE_PASSED"))
                .body("items[0].clientId", equalTo(amal))
                .body("items[0].filingId", nullValue())
                .body("items[0].stage", nullValue())
                .body("items[0].caseworker", equalTo("cwy"));
        String csv = as(supervisor)
                .queryParam("asOf", "2026-07-07")
                .accept("text/csv")
                .get(REPORT)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertEquals(1, records.size());
        assertEquals("ONE_YEAR_DEADLINE_PASSED", records.get(0).get("code"));
        assertEquals(amal, records.get(0).get("clientId"));
        assertEquals("", records.get(0).get("filingId"));
        as(supervisor)
                .queryParam("asOf", "2026-07-07")
                .get(SUMMARY)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("byCode.ONE_YEAR_DEADLINE_PASSED", equalTo(1))
                .body("bySeverity.CRITICAL", equalTo(1))
                .body("byCaseworker.cwy", equalTo(1));

        // 4. Bilal applies on 1 June 2026 with his wife Dalia on the application: from that day neither is warned;
        //    the days before still show what was due then.
        String bilal = arrivedClient("Bilal");
        String dalia = arrivedClient("Dalia");
        Map<String, Object> filing = Mother.uscisFiling(bilal, "MAIL", 0);
        filing.put("filedOn", "2026-06-01");
        filing.put("familyMemberIds", List.of(dalia));
        String filingId = Mother.createFiling(caseworker, filing);
        for (String person : List.of(bilal, dalia)) {
            assertEquals(List.of("ONE_YEAR_DEADLINE_APPROACHING"), clientAlerts(person, "2026-05-31"));
            assertEquals(List.of(), clientAlerts(person, "2026-06-01"));
            assertEquals(List.of(), clientAlerts(person, "2026-07-07"));
        }
        as(supervisor)
                .queryParam("asOf", "2026-07-07")
                .get(REPORT)
                .then()
                .body("items.clientId", not(hasItem(bilal)))
                .body("items.clientId", not(hasItem(dalia)));

        // 5. The application is withdrawn: both are on no open filing again, and the passed deadline is back.
        as(caseworker)
                .body(event("CLOSED", Dates.today().toString(), "outcome", "WITHDRAWN"))
                .post("/api/v1/filings/" + filingId + "/events")
                .then()
                .statusCode(201);
        assertEquals(
                List.of("ONE_YEAR_DEADLINE_PASSED"),
                clientAlerts(dalia, Dates.today().toString()));

        // 6. A lawyer records extraordinary circumstances for Amal: the passed deadline becomes a review note.
        as(caseworker)
                .contentType("application/merge-patch+json")
                .body(Map.of("oneYearDeadlineException", "EXTRAORDINARY_CIRCUMSTANCES"))
                .patch("/api/v1/clients/" + amal)
                .then()
                .statusCode(200)
                .body("oneYearDeadlineException", equalTo("EXTRAORDINARY_CIRCUMSTANCES"));
        as(caseworker)
                .queryParam("asOf", "2026-07-07")
                .get("/api/v1/clients/" + amal + "/alerts")
                .then()
                .body("items.code", contains("ONE_YEAR_EXCEPTION_REVIEW"))
                .body("items[0].severity", equalTo("MEDIUM"))
                .body("items[0].actions[0].kind", equalTo("REVIEW_DEADLINE_EXCEPTION"));
        as(supervisor)
                .queryParam("asOf", "2026-07-07")
                .queryParam("code", "ONE_YEAR_EXCEPTION_REVIEW")
                .get(REPORT)
                .then()
                .body("items.clientId", contains(amal));

        // 7. The report agrees with each client's own alerts on every day asked about.
        for (String asOf : List.of(
                "2026-04-06",
                "2026-04-07",
                "2026-05-31",
                "2026-06-01",
                DEADLINE,
                "2026-07-07",
                Dates.today().toString())) {
            List<String> fromClients = new ArrayList<>();
            for (String person : List.of(amal, bilal, dalia)) {
                clientAlerts(person, asOf).forEach(code -> fromClients.add(person + " " + code));
            }
            List<Map<String, Object>> rows = as(supervisor)
                    .queryParam("asOf", asOf)
                    .queryParam("size", 200)
                    .get(REPORT)
                    .then()
                    .extract()
                    .path("items");
            List<String> fromReport = rows.stream()
                    .filter(row -> row.get("filingId") == null)
                    .map(row -> row.get("clientId") + " " + row.get("code"))
                    .toList();
            assertEquals(
                    fromClients.stream().sorted().toList(),
                    fromReport.stream().sorted().toList(),
                    "as of " + asOf);
        }
    }

    @Test
    void warningDaysAreASetting() {
        Organizations.ensure(org, "Deadline Clinic", "America/New_York");
        String amal = arrivedClient("Amal");
        Map<String, Object> settings = new HashMap<>(as(supervisor)
                .get("/api/v1/organizations/" + org + "/settings")
                .then()
                .statusCode(200)
                .body("oneYearWarningDays", equalTo(90))
                .extract()
                .as(Map.class));
        settings.remove("recomputation");
        settings.put("oneYearWarningDays", 30);
        as(supervisor)
                .body(settings)
                .put("/api/v1/organizations/" + org + "/settings")
                .then()
                .statusCode(200)
                .body("oneYearWarningDays", equalTo(30));
        recomputeJob.runPending();
        // 30 days before Monday 6 July 2026
        as(supervisor).queryParam("asOf", "2026-06-05").get(REPORT).then().body("items.clientId", not(hasItem(amal)));
        as(supervisor).queryParam("asOf", "2026-06-06").get(REPORT).then().body("items.clientId", hasItem(amal));

        settings.put("oneYearWarningDays", 0);
        as(supervisor)
                .body(settings)
                .put("/api/v1/organizations/" + org + "/settings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("oneYearWarningDays"));
    }

    @Test
    void badInputIsRefusedAndOtherClinicsSeeNothing() {
        Organizations.ensure(org, "Deadline Clinic", "America/New_York");
        Organizations.ensureDemoTenants();
        Map<String, Object> future = Mother.client();
        future.put("lastArrivalOn", Dates.daysAhead(2));
        as(caseworker)
                .body(future)
                .post("/api/v1/clients")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lastArrivalOn"));
        Map<String, Object> unknownException = Mother.client();
        unknownException.put("oneYearDeadlineException", "FORGOT");
        as(caseworker)
                .body(unknownException)
                .post("/api/v1/clients")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("oneYearDeadlineException"));

        String amal = arrivedClient("Amal");
        as(caseworker)
                .queryParam("asOf", "2026-13-01")
                .get("/api/v1/clients/" + amal + "/alerts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        as(TestTokens.CAROL).get("/api/v1/clients/" + amal + "/alerts").then().statusCode(404);
        as(TestTokens.token("rex", "reports", org))
                .get("/api/v1/clients/" + amal + "/alerts")
                .then()
                .statusCode(403);
        as(TestTokens.CAROL_SUPERVISOR)
                .queryParam("asOf", "2026-07-07")
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("items.clientId", not(hasItem(amal)));
        as(caseworker)
                .get("/api/v1/clients/" + UUID.randomUUID() + "/alerts")
                .then()
                .statusCode(404)
                .body("items", nullValue());
        assertEquals(List.of(), clientAlerts(Mother.createClient(caseworker), "2026-07-07"));
    }
}
