package org.asylumcasetracker.report;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * History that stays true: an application filed on 2025-09-01 whose receipt came on 2026-01-15 waited more than three
 * months for it, and every view as of a day in that wait says so, also after the receipt was recorded. Asked about a
 * day after the receipt, none does. Filing alerts, the overdue report, its CSV and the summary agree on each day.
 */
@QuarkusTest
class HistoryAsOfTest {

    private static final String REPORT = "/api/v1/reports/overdue";

    private final String org = "hist-" + UUID.randomUUID().toString().substring(0, 8);
    private final String caseworker = TestTokens.token("hw1", "caseworker", org);
    private final String supervisor = TestTokens.token("hs1", "supervisor", org);

    @Test
    void aQuarterEndReportRunAfterTheReceiptStillShowsTheWaitingClient() {
        Organizations.ensure(org, "History Clinic", "America/New_York");
        String filing = Mother.mailedApplication(caseworker, "2025-09-01");
        as(caseworker)
                .body(event("RECEIPT_RECEIVED", "2026-01-15", "receiptNumber", Mother.RECEIPT_NUMBER))
                .post("/api/v1/filings/{id}/events", filing)
                .then()
                .statusCode(201);

        // before the three months were up: not overdue yet
        assertRaised(filing, "2025-11-30", List.of(), "RECEIPT_OVERDUE");
        // the last day of the quarter, asked about weeks after the receipt came: 30 days overdue
        assertRaised(filing, "2025-12-31", List.of("RECEIPT_OVERDUE"), null);
        as(supervisor)
                .queryParam("asOf", "2025-12-31")
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("items.find { it.code == 'RECEIPT_OVERDUE' }.daysOverdue", equalTo(30))
                .body("items.find { it.code == 'RECEIPT_OVERDUE' }.filingId", equalTo(filing));
        // the day the receipt came, and after: the receipt is known, its wait is over
        assertRaised(filing, "2026-01-15", List.of(), "RECEIPT_OVERDUE");
        assertRaised(filing, "2026-01-20", List.of(), "RECEIPT_OVERDUE");
        // two months after the receipt, the biometrics notice is overdue
        assertRaised(filing, "2026-03-20", List.of("BIOMETRICS_NOTICE_OVERDUE"), "RECEIPT_OVERDUE");
    }

    /** Every view as of {@code asOf} has each of {@code raised}, and none has {@code absent} (if given). */
    private void assertRaised(String filing, String asOf, List<String> raised, String absent) {
        List<String> filingCodes = as(caseworker)
                .queryParam("asOf", asOf)
                .get("/api/v1/filings/{id}/alerts", filing)
                .then()
                .statusCode(200)
                .extract()
                .path("items.code");
        List<String> reportCodes = as(supervisor)
                .queryParam("asOf", asOf)
                .get(REPORT)
                .then()
                .statusCode(200)
                .extract()
                .path("items.code");
        String csv = as(supervisor)
                .accept("text/csv")
                .queryParam("asOf", asOf)
                .get(REPORT)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<String, Integer> byCode = as(supervisor)
                .queryParam("asOf", asOf)
                .get(REPORT + "/summary")
                .then()
                .statusCode(200)
                .extract()
                .path("byCode");
        for (String code : raised) {
            assertEquals(true, filingCodes.contains(code), asOf + ": the filing's alerts " + filingCodes);
            assertEquals(true, reportCodes.contains(code), asOf + ": the report " + reportCodes);
            assertEquals(true, csv.contains("\n" + code + ","), asOf + ": the CSV\n" + csv);
            assertEquals(1, byCode.getOrDefault(code, 0), asOf + ": the summary " + byCode);
        }
        if (absent != null) {
            assertEquals(false, filingCodes.contains(absent), asOf + ": the filing's alerts " + filingCodes);
            assertEquals(false, reportCodes.contains(absent), asOf + ": the report " + reportCodes);
            assertEquals(false, csv.contains("\n" + absent + ","), asOf + ": the CSV\n" + csv);
            assertEquals(0, byCode.getOrDefault(absent, 0), asOf + ": the summary " + byCode);
        }
        // the report and the filing's own alerts name the same codes on every day
        assertEquals(
                filingCodes.stream().sorted().toList(),
                reportCodes.stream().sorted().toList(),
                asOf + ": filing alerts and report");
    }
}
