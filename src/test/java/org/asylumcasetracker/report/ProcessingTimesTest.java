package org.asylumcasetracker.report;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Dates.morning;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.asylumcasetracker.support.Dates;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Processing times on a hand-built set whose medians and percentiles are worked out below. Every client of
 * the set has a case worker of its own name, so that the other tests' filings stay out of the figures.
 *
 * <pre>
 * person  channel  filed   receipt        notice (appointment)   RECEIPT step
 * A       MAIL     120 ago 100 ago        10 ago (in 20 days)    20 days
 * B       MAIL     110 ago  80 ago                               30
 * C       MAIL     100 ago  60 ago                               40
 * D       MAIL      90 ago  40 ago                               50
 * M (D's child)     90 ago  35 ago                               55
 * E       MAIL      80 ago  -                                    waiting 80
 * F       MAIL      70 ago  -                                    waiting 70
 * H       MAIL      60 ago  30 ago, retracted                    waiting 60
 * I       ONLINE    50 ago  45 ago                               5
 * </pre>
 */
@QuarkusTest
class ProcessingTimesTest {

    private static final String PATH = "/api/v1/reports/processing-times";
    private static final String EVENTS = "/api/v1/filings/{id}/events";
    private static final String CASEWORKER =
            "pt-" + UUID.randomUUID().toString().substring(0, 8);

    private static boolean built;

    @BeforeEach
    void handBuiltSetOnce() {
        if (!built) {
            handBuiltSet();
            built = true;
        }
    }

    private static void handBuiltSet() {
        Organizations.ensureDemoTenants();
        String a = filing("MAIL", 120);
        receipt(a, null, 100);
        as(TestTokens.BOB)
                .body(Mother.event(
                        "BIOMETRICS_NOTICE_RECEIVED",
                        daysAgo(10),
                        "appointmentAt",
                        morning(20),
                        "location",
                        Mother.ASC_LOCATION))
                .post(EVENTS, a)
                .then()
                .statusCode(201);
        receipt(filing("MAIL", 110), null, 80);
        receipt(filing("MAIL", 100), null, 60);
        String child = client();
        Map<String, Object> family = Mother.uscisFiling(client(), "MAIL", 90);
        family.put("familyMemberIds", List.of(child));
        String d = Mother.createFiling(TestTokens.BOB, family);
        receipt(d, null, 40);
        receipt(d, child, 35);
        filing("MAIL", 80);
        filing("MAIL", 70);
        String h = filing("MAIL", 60);
        String retracted = receipt(h, null, 30);
        as(TestTokens.BOB)
                .post(EVENTS + "/{eventId}/retraction", h, retracted)
                .then()
                .statusCode(200);
        receipt(filing("ONLINE", 50), null, 45);

        // another organization's filing with the same case worker name never counts
        Map<String, Object> foreignClient = Mother.client();
        foreignClient.put("caseworker", CASEWORKER);
        String foreign = as(TestTokens.CAROL_SUPERVISOR)
                .body(foreignClient)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String foreignFiling =
                Mother.createFiling(TestTokens.CAROL_SUPERVISOR, Mother.uscisFiling(foreign, "MAIL", 30));
        as(TestTokens.CAROL_SUPERVISOR)
                .body(Mother.event("RECEIPT_RECEIVED", daysAgo(29), "receiptNumber", receiptNumber()))
                .post(EVENTS, foreignFiling)
                .then()
                .statusCode(201);
    }

    @Test
    void eachStepOverThePeopleWhoseStepEndedAndThoseStillWaiting() {
        JsonPath report = report(TestTokens.DANA, Map.of("from", daysAgo(100), "to", daysAgo(0)));
        assertEquals(Dates.today().minusDays(100).toString(), report.getString("from"));
        assertEquals(
                List.of("RECEIPT", "BIOMETRICS_NOTICE", "APPOINTMENT", "BIOMETRICS_DONE"),
                report.getList("steps.step"));
        // RECEIPT: 5 20 30 40 50 55 -> median 35, p90 at rank 4.5 = 52.5; waiting E 80, F 70, H 60
        assertStep(report, "RECEIPT", 6, 35.0f, 52.5f, 3, 70.0f);
        // BIOMETRICS_NOTICE: A 90; waiting B 80, C 60, D 40, M 35, I 45 -> median 45
        assertStep(report, "BIOMETRICS_NOTICE", 1, 90.0f, 90.0f, 5, 45.0f);
        // APPOINTMENT: A's appointment is still ahead, 10 days after the notice
        assertStep(report, "APPOINTMENT", 0, null, null, 1, 10.0f);
        // BIOMETRICS_DONE: nobody yet; the nine people have waited 50 60 70 80 90 90 100 110 120 days
        assertStep(report, "BIOMETRICS_DONE", 0, null, null, 9, 90.0f);
    }

    @Test
    void aPastPeriodCountsTheWaitingAsTheyStoodOnItsLastDay() {
        JsonPath report = report(TestTokens.BOB, Map.of("from", daysAgo(150), "to", daysAgo(50)));
        // ended by 50 days ago: A 20, B 30, C 40; waiting then: D 40, M 40, E 30, F 20, H 10, I 0 -> median 25
        assertStep(report, "RECEIPT", 3, 30.0f, 38.0f, 6, 25.0f);
    }

    @Test
    void filtersNarrowByChannelAndVenue() {
        // MAIL: 20 30 40 50 55 -> median 40, p90 at rank 3.6 = 53
        assertStep(
                report(TestTokens.BOB, Map.of("from", daysAgo(100), "channel", "MAIL")),
                "RECEIPT",
                5,
                40.0f,
                53.0f,
                3,
                70.0f);
        assertStep(
                report(TestTokens.BOB, Map.of("from", daysAgo(100), "channel", "ONLINE")),
                "RECEIPT",
                1,
                5.0f,
                5.0f,
                0,
                null);
        assertStep(
                report(TestTokens.BOB, Map.of("from", daysAgo(100), "venue", "IMMIGRATION_COURT")),
                "RECEIPT",
                0,
                null,
                null,
                0,
                null);
    }

    /**
     * A principal's events may name nobody or name the principal: both are theirs. Here the receipt names nobody and
     * the notice names the mother, so her notice step is 20 days, not a notice without a receipt; her son waits.
     */
    @Test
    void eventsThatNameThePrincipalCountWithThoseThatNameNobody() {
        String caseworker = "pt-" + UUID.randomUUID().toString().substring(0, 8);
        String mother = client(caseworker);
        String son = client(caseworker);
        Map<String, Object> family = Mother.uscisFiling(mother, "MAIL", 100);
        family.put("familyMemberIds", List.of(son));
        String filing = Mother.createFiling(TestTokens.BOB, family);
        receipt(filing, null, 80);
        receipt(filing, son, 78);
        as(TestTokens.BOB)
                .body(Mother.event(
                        "BIOMETRICS_NOTICE_RECEIVED",
                        daysAgo(60),
                        "appointmentAt",
                        morning(-45),
                        "location",
                        Mother.ASC_LOCATION,
                        "clientId",
                        mother))
                .post(EVENTS, filing)
                .then()
                .statusCode(201);

        var request = as(TestTokens.BOB).queryParam("caseworker", caseworker).queryParam("from", daysAgo(100));
        JsonPath report = request.get(PATH).then().statusCode(200).extract().jsonPath();
        // RECEIPT: mother 20, son 22 -> median 21, p90 21.8
        assertStep(report, "RECEIPT", 2, 21.0f, 21.8f, 0, null);
        // BIOMETRICS_NOTICE: the mother's 20 days; the son waits since his receipt, 78 days ago
        assertStep(report, "BIOMETRICS_NOTICE", 1, 20.0f, 20.0f, 1, 78.0f);
        // APPOINTMENT: her notice's appointment, 15 days after it
        assertStep(report, "APPOINTMENT", 1, 15.0f, 15.0f, 0, null);
        assertStep(report, "BIOMETRICS_DONE", 0, null, null, 2, 100.0f);
    }

    @Test
    void csvHasTheSameLines() {
        String csv = as(TestTokens.DANA)
                .accept("text/csv")
                .queryParam("from", daysAgo(100))
                .queryParam("caseworker", CASEWORKER)
                .get(PATH)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertEquals("step,count,medianDays,p90Days,waiting,waitingMedianDays", lines.get(0));
        assertEquals("RECEIPT,6,35.0,52.5,3,70.0", lines.get(1));
        assertEquals("APPOINTMENT,0,,,1,10.0", lines.get(3));
    }

    @Test
    void onlySupervisorsAndReportsMayAskAndBadPeriodsAreRefused() {
        as(TestTokens.ALICE).get(PATH).then().statusCode(403);
        as(TestTokens.INTEGRATION).get(PATH).then().statusCode(403);
        as(TestTokens.BOB)
                .queryParam("from", daysAgo(1))
                .queryParam("to", daysAgo(2))
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("from"));
        as(TestTokens.BOB)
                .queryParam("to", "2026-13-01")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("to"));
        as(TestTokens.BOB)
                .queryParam("from", "2000-01-01")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("from"));
        as(TestTokens.BOB).queryParam("channel", "FAX").get(PATH).then().statusCode(400);
    }

    private static void assertStep(
            JsonPath report, String step, int count, Float median, Float p90, int waiting, Float waitingMedian) {
        String line = "steps.find { it.step == '" + step + "' }";
        assertEquals(count, report.getInt(line + ".count"), step + " count");
        assertEquals(median, report.get(line + ".medianDays"), step + " median");
        assertEquals(p90, report.get(line + ".p90Days"), step + " p90");
        assertEquals(waiting, report.getInt(line + ".waiting"), step + " waiting");
        assertEquals(waitingMedian, report.get(line + ".waitingMedianDays"), step + " waiting median");
    }

    private static JsonPath report(String token, Map<String, String> query) {
        var request = as(token).queryParam("caseworker", CASEWORKER);
        query.forEach(request::queryParam);
        return request.get(PATH).then().statusCode(200).extract().jsonPath();
    }

    private static String client() {
        return client(CASEWORKER);
    }

    private static String client(String caseworker) {
        Map<String, Object> body = Mother.client();
        body.put("caseworker", caseworker);
        return as(TestTokens.BOB)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String filing(String channel, int filedDaysAgo) {
        return Mother.createFiling(TestTokens.BOB, Mother.uscisFiling(client(), channel, filedDaysAgo));
    }

    private static String receipt(String filing, String person, int daysAgo) {
        Map<String, Object> event =
                Mother.event("RECEIPT_RECEIVED", daysAgo(daysAgo), "receiptNumber", receiptNumber());
        if (person != null) {
            event.put("clientId", person);
        }
        return as(TestTokens.BOB)
                .body(event)
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .extract()
                .path("event.id");
    }

    private static String receiptNumber() {
        return "IOE09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }
}
