package org.asylumcasetracker.filing;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.asylumcasetracker.support.Dates;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The work-permit clock of a USCIS filing told through the API: it counts from the day USCIS received the
 * application, stands still from a missed biometrics appointment until the walk-in, and refuses a work-permit
 * application one day early (422 WORK_PERMIT_TOO_EARLY) while taking it on the day.
 */
@QuarkusTest
class WorkPermitClockScenarioTest {

    private static final String ALICE = TestTokens.ALICE;

    private static void record(String filing, Map<String, Object> event, int status) {
        as(ALICE)
                .body(event)
                .post("/api/v1/filings/" + filing + "/events")
                .then()
                .statusCode(status);
    }

    @Test
    void aMissedAppointmentMovesTheDayAndAnEarlyApplicationIsRefused() {
        Organizations.ensureDemoTenants();
        String client = Mother.createClient(ALICE);

        // 1. Mailed 200 days ago, received by USCIS 5 days later.
        Map<String, Object> body = Mother.uscisFiling(client, "MAIL", 200);
        body.put("receivedOn", Dates.daysAgo(195));
        String filing = Mother.createFiling(ALICE, body);
        as(ALICE)
                .get("/api/v1/filings/" + filing)
                .then()
                .body("receivedOn", equalTo(Dates.daysAgo(195)))
                .body("workPermitEligibleOn", equalTo(Dates.daysAgo(45))); // received + 150

        // 2. Receipt, notice, and an appointment 160 days ago that the client missed; a walk-in 14 days later.
        record(filing, event("RECEIPT_RECEIVED", Dates.daysAgo(185), "receiptNumber", Mother.RECEIPT_NUMBER), 201);
        record(
                filing,
                event(
                        "BIOMETRICS_NOTICE_RECEIVED",
                        Dates.daysAgo(175),
                        "appointmentAt",
                        Dates.morning(-160),
                        "location",
                        Mother.ASC_LOCATION),
                201);
        record(filing, event("BIOMETRICS_MISSED", Dates.daysAgo(160)), 201);
        as(ALICE).get("/api/v1/filings/" + filing).then().body("workPermitEligibleOn", nullValue());
        record(filing, event("WORK_PERMIT_FILED", Dates.daysAgo(1)), 422);
        record(filing, event("BIOMETRICS_COMPLETED", Dates.daysAgo(146), "stampedNoticeKept", true), 201);

        // 3. The clock stood still 14 days: the client may apply 31 days ago, not 45.
        String eligibleOn = Dates.daysAgo(31);
        as(ALICE).get("/api/v1/filings/" + filing).then().body("workPermitEligibleOn", equalTo(eligibleOn));
        as(ALICE)
                .queryParam("asOf", Dates.daysAgo(32))
                .get("/api/v1/filings/" + filing + "/alerts")
                .then()
                .body("items.code", not(hasItem("WORK_PERMIT_ELIGIBLE")));
        as(ALICE)
                .queryParam("asOf", eligibleOn)
                .get("/api/v1/filings/" + filing + "/alerts")
                .then()
                .body("items.find { it.code == 'WORK_PERMIT_ELIGIBLE' }.dueOn", equalTo(eligibleOn))
                .body(
                        "items.find { it.code == 'WORK_PERMIT_ELIGIBLE' }.summary",
                        containsString("stood still 14 days: missed biometrics appointment " + Dates.daysAgo(160)));

        // 4. A day early is refused and records nothing; on the day it is taken.
        as(ALICE)
                .body(event("WORK_PERMIT_FILED", Dates.daysAgo(32)))
                .post("/api/v1/filings/" + filing + "/events")
                .then()
                .statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("WORK_PERMIT_TOO_EARLY"))
                .body("detail", containsString(eligibleOn));
        as(ALICE).get("/api/v1/filings/" + filing).then().body("workPermitFiledOn", nullValue());
        record(filing, event("WORK_PERMIT_FILED", eligibleOn), 201);
        as(ALICE).get("/api/v1/filings/" + filing).then().body("workPermitFiledOn", equalTo(eligibleOn));
    }

    @Test
    void receivedOnIsNotBeforeFilingNorInTheFuture() {
        Organizations.ensureDemoTenants();
        String client = Mother.createClient(ALICE);
        Map<String, Object> early = Mother.uscisFiling(client, "MAIL", 20);
        early.put("receivedOn", Dates.daysAgo(21));
        as(ALICE)
                .body(early)
                .post("/api/v1/filings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("receivedOn"));
        Map<String, Object> future = Mother.uscisFiling(client, "MAIL", 20);
        future.put("receivedOn", Dates.daysAhead(3));
        as(ALICE)
                .body(future)
                .post("/api/v1/filings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("receivedOn"));
    }
}
