package org.asylumcasetracker.report;

import static org.asylumcasetracker.support.Api.anonymous;
import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Dates.morning;
import static org.asylumcasetracker.support.Dates.today;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A small clinic of its own with three clients whose situations raise known alerts, checked through the
 * overdue report, its filters, paging, CSV export and summary.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueReportTest {

    private static final String REPORT = "/api/v1/reports/overdue";
    private static final String SUMMARY = "/api/v1/reports/overdue/summary";
    private static final String TRICKY_FIRST = "Seán \"Jack\"";
    private static final String TRICKY_LAST = "O'Brien, Jr.";

    @Inject
    AlertRecomputeJob recomputeJob;

    private final String org = "rpt-" + UUID.randomUUID().toString().substring(0, 8);
    private final String supervisor = TestTokens.token("sara", "supervisor", org);
    private final String reports = TestTokens.token("rita", "reports", org);
    private final String caseworker1 = TestTokens.token("cw1", "caseworker", org);
    private final String caseworker2 = TestTokens.token("cw2", "caseworker", org);

    private String uscisFiling; // receipt overdue (HIGH, about 10 days)
    private String courtNoPackage; // package not mailed (HIGH, 193 days) and work permit eligible (INFO, 50 days)
    private String courtHearing; // hearing approaching with biometrics not done (CRITICAL, 20 days)

    @BeforeEach
    void aClinicWithThreeSituations() {
        // once per class; REST Assured knows the test port only from the first test on
        if (uscisFiling != null) {
            return;
        }
        Organizations.ensureDemoTenants();
        Organizations.ensure(org, "Report Clinic", "America/New_York");

        String a = Mother.createClient(caseworker1, TRICKY_FIRST, TRICKY_LAST);
        uscisFiling = Mother.createFiling(caseworker1, Mother.uscisFiling(a, "MAIL", 100));
        Mother.payThisYearsAnnualFeeIfOwed(caseworker1, uscisFiling, 100);

        String b = Mother.createClient(caseworker2);
        courtNoPackage = Mother.createFiling(caseworker2, Mother.courtFiling(b, 200));
        Mother.payThisYearsAnnualFeeIfOwed(caseworker2, courtNoPackage, 200);

        String c = Mother.createClient(caseworker1, "أمينة", "حداد 王");
        Map<String, Object> court = Mother.courtFiling(c, 30);
        court.put("individualHearingAt", morning(40));
        courtHearing = Mother.createFiling(caseworker1, court);
        Mother.payThisYearsAnnualFeeIfOwed(caseworker1, courtHearing, 30);
        as(caseworker1)
                .body(event("USCIS_PACKAGE_MAILED", daysAgo(25)))
                .post("/api/v1/filings/{id}/events", courtHearing)
                .then()
                .statusCode(201);
    }

    @Test
    void todaysRowsAreSortedBySeverityThenDaysOverdue() {
        String receiptDue = today().minusDays(100).plusMonths(3).toString();
        as(supervisor)
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("asOf", equalTo(today().toString()))
                .body("total", equalTo(4))
                .body(
                        "items.code",
                        contains(
                                "HEARING_APPROACHING_BIOMETRICS_INCOMPLETE",
                                "USCIS_PACKAGE_NOT_MAILED",
                                "RECEIPT_OVERDUE",
                                "WORK_PERMIT_ELIGIBLE"))
                .body("items.filingId", contains(courtHearing, courtNoPackage, uscisFiling, courtNoPackage))
                .body("items.severity", contains("CRITICAL", "HIGH", "HIGH", "INFO"))
                .body("items[0].daysOverdue", equalTo(20))
                .body("items[1].daysOverdue", equalTo(193))
                .body("items[2].dueOn", equalTo(receiptDue))
                .body("items[2].clientName", equalTo(TRICKY_FIRST + " " + TRICKY_LAST))
                .body("items[2].caseworker", equalTo("cw1"))
                .body("items[2].stage", equalTo("AWAITING_RECEIPT"))
                .body("items[2].venue", equalTo("USCIS"))
                .body("items[2].actions.kind", hasItem("CALL"))
                .body("items[2].actions.find { it.kind == 'CALL' }.phone", equalTo("1-800-375-5283"))
                .body("items[2].actions.find { it.kind == 'CALL' }.say", equalTo("InfoPass"))
                .body(
                        "items[2].actions.find { it.kind == 'CALL' }.haveReady",
                        contains("A_NUMBER", "MAILING_DATE", "TRACKING_NUMBER"))
                .body("items[0].actions.who", hasItem("GOVERNMENT_ATTORNEY"))
                .body(not(containsString("A012345678")))
                .body(not(containsString("amina@example.org")));
    }

    @Test
    void anyDayCanBeAsked() {
        LocalDate past = today().minusDays(60);
        as(reports)
                .queryParam("asOf", past.toString())
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("items.code", contains(withAnnualFees(past, "USCIS_PACKAGE_NOT_MAILED")))
                .body("items[0].daysOverdue", equalTo(133));
        LocalDate ahead = today().plusDays(30);
        as(reports)
                .queryParam("asOf", ahead.toString())
                .get(REPORT)
                .then()
                .body(
                        "items.code",
                        contains(withAnnualFees(
                                ahead,
                                "HEARING_APPROACHING_BIOMETRICS_INCOMPLETE",
                                "USCIS_PACKAGE_NOT_MAILED",
                                "RECEIPT_OVERDUE",
                                "WORK_PERMIT_ELIGIBLE")))
                .body("items[0].daysOverdue", equalTo(50));
        // after the hearing date the hearing warning is over
        as(reports)
                .queryParam("asOf", today().plusDays(41).toString())
                .get(REPORT)
                .then()
                .body("items.code", not(hasItem("HEARING_APPROACHING_BIOMETRICS_INCOMPLETE")));
        as(reports)
                .queryParam("asOf", "next tuesday")
                .get(REPORT)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }

    /**
     * The codes expected on {@code day}, followed by the annual fee (INFO, listed last) each of the clinic's three
     * applications owes in {@code day}'s year if it was received in an earlier one; this year's is paid in the set-up.
     */
    private static String[] withAnnualFees(LocalDate day, String... codes) {
        long owing = IntStream.of(100, 200, 30) // the filings' days before today
                .filter(filedDaysAgo ->
                        today().minusDays(filedDaysAgo).getYear() < day.getYear() && day.getYear() != today().getYear())
                .count();
        return Stream.concat(
                        Stream.of(codes),
                        Stream.generate(() -> "ANNUAL_FEE_EXPECTED").limit(owing))
                .toArray(String[]::new);
    }

    @Test
    void reassigningAClientMovesItsRowsToTheNewCaseWorker() {
        String clinic = "rpt-" + UUID.randomUUID().toString().substring(0, 8);
        Organizations.ensure(clinic, "Reassignment Clinic", "America/New_York");
        String boss = TestTokens.token("sara", "supervisor", clinic);
        String first = TestTokens.token("cw1", "caseworker", clinic);
        String second = TestTokens.token("cw2", "caseworker", clinic);
        String client = Mother.createClient(first);
        String filing = Mother.createFiling(first, Mother.uscisFiling(client, "MAIL", 100));
        Mother.payThisYearsAnnualFeeIfOwed(first, filing, 100);
        as(boss).queryParam("caseworker", "cw1").get(REPORT).then().body("items.filingId", contains(filing));
        as(boss).get(SUMMARY).then().body("byCaseworker.cw1", equalTo(1));

        as(boss).contentType("application/merge-patch+json")
                .body(Map.of("caseworker", "cw2"))
                .patch("/api/v1/clients/{id}", client)
                .then()
                .statusCode(200);

        as(boss).queryParam("caseworker", "cw1").get(REPORT).then().body("total", equalTo(0));
        as(boss).queryParam("caseworker", "cw2")
                .get(REPORT)
                .then()
                .body("total", equalTo(1))
                .body("items[0].caseworker", equalTo("cw2"));
        as(boss).get(SUMMARY).then().body("byCaseworker.cw2", equalTo(1)).body("byCaseworker.cw1", equalTo(null));
        as(first).get(REPORT).then().body("total", equalTo(0));
        as(second).get(REPORT).then().body("items.filingId", contains(filing));
        as(boss).accept("text/csv").get(REPORT).then().body(containsString(",cw2,"));
    }

    @Test
    void filtersAndPaging() {
        as(supervisor)
                .queryParam("code", "RECEIPT_OVERDUE")
                .get(REPORT)
                .then()
                .body("items.filingId", contains(uscisFiling));
        as(supervisor)
                .queryParam("severity", "CRITICAL")
                .get(REPORT)
                .then()
                .body("items.filingId", contains(courtHearing));
        as(supervisor).queryParam("venue", "USCIS").get(REPORT).then().body("items.filingId", contains(uscisFiling));
        as(supervisor)
                .queryParam("caseworker", "cw2")
                .get(REPORT)
                .then()
                .body("total", equalTo(2))
                .body("items.filingId", contains(courtNoPackage, courtNoPackage));
        as(supervisor)
                .queryParam("size", 2)
                .get(REPORT)
                .then()
                .body("items.size()", equalTo(2))
                .body("total", equalTo(4));
        as(supervisor)
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get(REPORT)
                .then()
                .body("items.code", contains("RECEIPT_OVERDUE", "WORK_PERMIT_ELIGIBLE"));
        as(supervisor).queryParam("code", "SOMETHING_ELSE").get(REPORT).then().statusCode(400);
        as(supervisor)
                .queryParam("size", 500)
                .get(REPORT)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void csvHasAHeaderAndReadsBackExactly() throws IOException {
        String csv = as(supervisor)
                .accept("text/csv")
                .get(REPORT)
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertEquals(4, records.size());
        CSVRecord receipt = records.get(2);
        assertEquals("RECEIPT_OVERDUE", receipt.get("code"));
        assertEquals(TRICKY_FIRST + " " + TRICKY_LAST, receipt.get("clientName"));
        assertEquals(uscisFiling, receipt.get("filingId"));
        assertEquals("cw1", receipt.get("caseworker"));
        assertEquals("أمينة حداد 王", records.get(0).get("clientName"));
        assertEquals("193", records.get(1).get("daysOverdue"));
        assertEquals(
                List.of(
                        "code",
                        "severity",
                        "dueOn",
                        "daysOverdue",
                        "filingId",
                        "clientId",
                        "clientName",
                        "caseworker",
                        "stage",
                        "venue"),
                records.get(0).getParser().getHeaderNames());
        String filtered = as(supervisor)
                .accept("text/csv")
                .queryParam("severity", "INFO")
                .get(REPORT)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(2, filtered.lines().count());
    }

    @Test
    void summaryCountsByCodeSeverityCaseworkerAndAge() {
        as(reports)
                .get(SUMMARY)
                .then()
                .statusCode(200)
                .body("asOf", equalTo(today().toString()))
                .body("total", equalTo(4))
                .body("byCode.RECEIPT_OVERDUE", equalTo(1))
                .body("byCode.USCIS_PACKAGE_NOT_MAILED", equalTo(1))
                .body("byCode.BIOMETRICS_MISSED", equalTo(0))
                .body("bySeverity.CRITICAL", equalTo(1))
                .body("bySeverity.HIGH", equalTo(2))
                .body("bySeverity.INFO", equalTo(1))
                .body("byCaseworker.cw1", equalTo(2))
                .body("byCaseworker.cw2", equalTo(2))
                .body("aging.'0-30'", equalTo(2))
                .body("aging.'31-60'", equalTo(1))
                .body("aging.'61-90'", equalTo(0))
                .body("aging.'90+'", equalTo(1));
        as(reports)
                .queryParam("asOf", daysAgo(60))
                .get(SUMMARY)
                .then()
                .body("total", equalTo(1))
                .body("aging.'90+'", equalTo(1));
    }

    @Test
    void caseworkersSeeTheirOwnClientsOnly() {
        as(caseworker1)
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.filingId", contains(courtHearing, uscisFiling));
        as(caseworker1)
                .queryParam("caseworker", "cw1")
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("total", equalTo(2));
        as(caseworker1).queryParam("caseworker", "cw2").get(REPORT).then().statusCode(403);
        as(caseworker1).get(SUMMARY).then().statusCode(403);
    }

    @Test
    void rolesAndOtherOrganizations() {
        anonymous().get(REPORT).then().statusCode(401);
        anonymous().get(SUMMARY).then().statusCode(401);
        as(TestTokens.ADMIN).get(REPORT).then().statusCode(403);
        as(TestTokens.token("svc", "integration", org)).get(REPORT).then().statusCode(403);
        as(TestTokens.token("svc", "integration", org)).get(SUMMARY).then().statusCode(403);
        // the demo clinic's supervisor sees none of this clinic's rows, in JSON, CSV or summary
        as(TestTokens.BOB)
                .queryParam("size", 200)
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("items.filingId", not(hasItem(uscisFiling)))
                .body("items.filingId", not(hasItem(courtHearing)));
        as(TestTokens.BOB)
                .accept("text/csv")
                .get(REPORT)
                .then()
                .statusCode(200)
                .body(not(containsString(uscisFiling)))
                .body(not(containsString(TRICKY_LAST)));
        as(TestTokens.BOB).get(SUMMARY).then().statusCode(200).body("byCaseworker.cw1", equalTo(null));
    }

    @Test
    void aSettingsChangeMovesDueDates() {
        Map<String, Object> settings = new HashMap<>(Map.of(
                "receiptOverdueMonths",
                4,
                "biometricsNoticeOverdueMonths",
                2,
                "hearingWarningDays",
                60,
                "packageGraceDays",
                7,
                "appointmentReminderDays",
                7,
                "walkInWindowDays",
                21,
                "onlineRescheduleCutoffHours",
                12,
                "maxOnlineReschedules",
                2,
                "workPermitWaitDays",
                150,
                "courtBiometricsProcess",
                "MAIL_PACKAGE"));
        try {
            as(supervisor)
                    .body(settings)
                    .put("/api/v1/organizations/" + org + "/settings")
                    .then()
                    .statusCode(200)
                    .body("recomputation.status", equalTo("PENDING"))
                    .body("recomputation.requestedAt", notNullValue());
            // the alerts follow in the background: until the job has run, the report still shows the old windows
            as(supervisor).get(REPORT).then().body("total", equalTo(4));
            recomputeJob.runPending();
            as(supervisor)
                    .get("/api/v1/organizations/" + org + "/settings")
                    .then()
                    .statusCode(200)
                    .body("recomputation.status", equalTo("DONE"))
                    .body("recomputation.finishedAt", notNullValue());
            as(supervisor)
                    .get(REPORT)
                    .then()
                    .body("items.code", not(hasItem("RECEIPT_OVERDUE")))
                    .body("total", equalTo(3));
            as(supervisor)
                    .get("/api/v1/filings/" + uscisFiling + "/alerts")
                    .then()
                    .statusCode(200)
                    .body("items.code", not(hasItem("RECEIPT_OVERDUE")));
        } finally {
            settings.put("receiptOverdueMonths", 3);
            as(supervisor)
                    .body(settings)
                    .put("/api/v1/organizations/" + org + "/settings")
                    .then()
                    .statusCode(200);
            recomputeJob.runPending();
        }
        as(supervisor).get(REPORT).then().body("total", equalTo(4));
    }
}
