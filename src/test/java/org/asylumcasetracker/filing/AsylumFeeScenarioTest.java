package org.asylumcasetracker.filing;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.support.Dates;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Asylum fees through the API: a year after USCIS received the application the annual fee is expected; the notice
 * comes, the fee is due within 30 days and shows as CRITICAL two weeks before, in the filing's alerts and the
 * overdue report, until it is paid. The fee table tells the amounts by effective date and administrators extend it.
 */
@QuarkusTest
class AsylumFeeScenarioTest {

    private final String org = "fee-" + UUID.randomUUID().toString().substring(0, 8);
    private final String caseworker = TestTokens.token("cwf", "caseworker", org);
    private final String supervisor = TestTokens.token("sam", "supervisor", org);

    private List<String> codes(String filing, String asOf) {
        return as(caseworker)
                .queryParam("asOf", asOf)
                .get("/api/v1/filings/" + filing + "/alerts")
                .then()
                .statusCode(200)
                .extract()
                .path("items.code");
    }

    private static void record(String token, String filing, Map<String, Object> event, int status, String field) {
        var answer = as(token)
                .body(event)
                .post("/api/v1/filings/" + filing + "/events")
                .then()
                .statusCode(status);
        if (field != null) {
            answer.body("errors.field", hasItem(field));
        }
    }

    @Test
    void theAnnualFeeIsExpectedThenDueThenPaid() {
        Organizations.ensure(org, "Fee Clinic", "America/New_York");
        String client = Mother.createClient(caseworker);
        // 1. Received by USCIS 400 days ago: pending in the calendar years after that, so the annual fee is owed
        //    (by the anniversary, 35 days ago, at the latest).
        String filing = Mother.createFiling(caseworker, Mother.uscisFiling(client, "MAIL", 400));
        String anniversary = Dates.today().minusDays(400).plusYears(1).toString();
        assertTrue(codes(filing, anniversary).contains("ANNUAL_FEE_EXPECTED"), "expected on the anniversary");
        assertFalse(codes(filing, Dates.daysAgo(400)).contains("ANNUAL_FEE_EXPECTED"), "not in the year of receipt");

        // 2. Bad fee events are refused and record nothing.
        record(caseworker, filing, event("FEE_NOTICE_RECEIVED", Dates.daysAgo(20), "amount", -100), 400, "amount");
        record(caseworker, filing, event("FEE_NOTICE_RECEIVED", Dates.daysAgo(20)), 400, "amount");
        record(
                caseworker,
                filing,
                event("FEE_NOTICE_RECEIVED", Dates.daysAgo(20), "amount", 100, "dueOn", Dates.daysAgo(21)),
                400,
                "dueOn");
        record(caseworker, filing, event("FEE_PAID", Dates.daysAgo(1), "amount", -0.01), 400, "amount");
        as(caseworker).get("/api/v1/filings/" + filing + "/events").then().body("total", equalTo(0));

        // 3. The notice came 20 days ago: due 30 days after it, raised 14 days before that (4 days ago).
        as(caseworker)
                .body(event("FEE_NOTICE_RECEIVED", Dates.daysAgo(20), "amount", 100))
                .post("/api/v1/filings/" + filing + "/events")
                .then()
                .statusCode(201)
                .body("event.amount", equalTo(100.0f))
                .body("event.dueOn", equalTo(Dates.daysAhead(10)));
        List<String> today = codes(filing, Dates.today().toString());
        assertTrue(today.contains("ASYLUM_FEE_DUE"), today.toString());
        assertFalse(codes(filing, Dates.daysAgo(5)).contains("ASYLUM_FEE_DUE"), "raised 14 days before the due day");
        // The notice ends that year's annual-fee reminder from its day on.
        assertTrue(codes(filing, Dates.daysAgo(21)).contains("ANNUAL_FEE_EXPECTED"));
        assertFalse(codes(filing, Dates.daysAgo(20)).contains("ANNUAL_FEE_EXPECTED"));
        as(caseworker)
                .get("/api/v1/filings/" + filing + "/alerts")
                .then()
                .body("items.find { it.code == 'ASYLUM_FEE_DUE' }.severity", equalTo("CRITICAL"))
                .body("items.find { it.code == 'ASYLUM_FEE_DUE' }.daysOverdue", equalTo(4))
                .body("items.find { it.code == 'ASYLUM_FEE_DUE' }.actions[0].kind", equalTo("PAY_FEE"))
                .body("items.find { it.code == 'ASYLUM_FEE_DUE' }.actions[0].amount", equalTo(100.0f))
                .body("items.find { it.code == 'ASYLUM_FEE_DUE' }.actions[0].deadlineOn", equalTo(Dates.daysAhead(10)));
        as(supervisor)
                .queryParam("code", "ASYLUM_FEE_DUE")
                .get("/api/v1/reports/overdue")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].filingId", equalTo(filing))
                .body("items[0].actions[0].amount", equalTo(100.0f));

        // 4. Paid today: gone from today on, still there for the days before.
        record(caseworker, filing, event("FEE_PAID", Dates.today().toString(), "amount", 100), 201, null);
        as(caseworker)
                .get("/api/v1/filings/" + filing + "/alerts")
                .then()
                .body("items.code", not(hasItem("ASYLUM_FEE_DUE")));
        assertTrue(codes(filing, Dates.daysAgo(1)).contains("ASYLUM_FEE_DUE"));
        as(supervisor)
                .queryParam("code", "ASYLUM_FEE_DUE")
                .get("/api/v1/reports/overdue")
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void theFeeTableIsReadByAllAndExtendedByAdministrators() {
        Organizations.ensure(org, "Fee Clinic", "America/New_York");
        as(caseworker)
                .queryParam("on", "2025-07-22")
                .get("/api/v1/fees")
                .then()
                .statusCode(200)
                .body("items.find { it.fee == 'ANNUAL_ASYLUM_FEE' }.amount", equalTo(100.0f));
        as(caseworker).queryParam("on", "2025-07-01").get("/api/v1/fees").then().body("items", equalTo(List.of()));

        // An inflation adjustment, effective on a day of its own (the table keeps every amount ever added).
        LocalDate effective = LocalDate.of(2031, 1, 1).plusDays(new java.util.Random().nextInt(3000));
        Map<String, Object> adjustment = Map.of(
                "fee",
                "ANNUAL_ASYLUM_FEE",
                "effectiveOn",
                effective.toString(),
                "amount",
                102,
                "source",
                "Federal Register notice of the yearly adjustment");
        as(caseworker).body(adjustment).post("/api/v1/fees").then().statusCode(403);
        as(TestTokens.ADMIN).body(adjustment).post("/api/v1/fees").then().statusCode(201);
        as(TestTokens.ADMIN).body(adjustment).post("/api/v1/fees").then().statusCode(409);
        as(TestTokens.ADMIN)
                .body(Map.of(
                        "fee",
                        "ANNUAL_ASYLUM_FEE",
                        "effectiveOn",
                        effective.plusDays(1).toString(),
                        "amount",
                        -1,
                        "source",
                        "typo"))
                .post("/api/v1/fees")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("amount"));
        as(supervisor)
                .queryParam("on", effective.toString())
                .get("/api/v1/fees")
                .then()
                .body("items.find { it.fee == 'ANNUAL_ASYLUM_FEE' }.amount", equalTo(102.0f))
                .body("items.find { it.fee == 'ASYLUM_APPLICATION' }.amount", equalTo(100.0f));
        as(supervisor)
                .queryParam("on", effective.minusDays(1).toString())
                .get("/api/v1/fees")
                .then()
                .body("items.find { it.fee == 'ANNUAL_ASYLUM_FEE' }.amount", not(equalTo(102.0f)));
    }
}
