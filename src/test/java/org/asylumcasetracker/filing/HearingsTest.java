package org.asylumcasetracker.filing;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Dates.morning;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hearings are what the pre-hearing alert protects, so no ordinary action may lose one: a hearing without a
 * kind is refused, a clinic system's sync without hearing fields keeps them, and taking back an unrelated
 * event leaves them as they are.
 */
@QuarkusTest
class HearingsTest {

    private static final String FILINGS = "/api/v1/filings";
    private static final String EVENTS = "/api/v1/filings/{id}/events";
    private static final String HEARING_ALERT = "HEARING_APPROACHING_BIOMETRICS_INCOMPLETE";

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void aHearingWithoutKindIsRefusedAndChangesNothing() {
        String filing = courtFiling();

        as(TestTokens.ALICE)
                .body(event("HEARING_SCHEDULED", daysAgo(5), "hearingAt", morning(30)))
                .post(EVENTS, filing)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("kind"));

        as(TestTokens.ALICE)
                .get(FILINGS + "/" + filing)
                .then()
                .body("hearings", hasSize(0))
                .body("individualHearingAt", equalTo(null));
    }

    @Test
    void aSyncWithoutHearingFieldsKeepsTheHearingsEventsRecorded() {
        String client = Mother.createClient(TestTokens.ALICE);
        String ref = "SYNC-" + UUID.randomUUID();
        Map<String, Object> synced = Mother.courtFiling(client, 40);
        String filing = as(TestTokens.ALICE)
                .body(synced)
                .put(FILINGS + "/by-ref/" + ref)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String hearingAt = morning(30);
        scheduleIndividualHearing(filing, hearingAt);

        // The clinic system syncs the filing again, knowing nothing of hearings.
        synced.put("courtName", "Elizabeth Immigration Court");
        as(TestTokens.ALICE).body(synced).put(FILINGS + "/by-ref/" + ref).then().statusCode(200);

        as(TestTokens.ALICE)
                .get(FILINGS + "/" + filing)
                .then()
                .body("courtName", equalTo("Elizabeth Immigration Court"))
                .body("individualHearingAt", sameInstant(hearingAt))
                .body("alerts.code", hasItem(HEARING_ALERT));
    }

    @Test
    void retractingAnEarlierEventKeepsAHearingGivenAfterIt() {
        String filing = courtFiling();
        String mailed = as(TestTokens.ALICE)
                .body(event("USCIS_PACKAGE_MAILED", daysAgo(30), "trackingNumber", "9400100000000000000000"))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .extract()
                .path("event.id");
        // The court's hearing notice arrives; the case worker enters it on the filing.
        String hearingAt = morning(30);
        as(TestTokens.ALICE)
                .contentType("application/merge-patch+json")
                .body(Map.of("individualHearingAt", hearingAt))
                .patch(FILINGS + "/" + filing)
                .then()
                .statusCode(200);

        // The package entry was a mistake: the supervisor takes it back.
        as(TestTokens.BOB)
                .post(EVENTS + "/" + mailed + "/retraction", filing)
                .then()
                .statusCode(200);

        as(TestTokens.ALICE)
                .get(FILINGS + "/" + filing)
                .then()
                .body("stage", equalTo("AWAITING_USCIS_PACKAGE"))
                .body("individualHearingAt", sameInstant(hearingAt))
                .body("alerts.code", hasItem(HEARING_ALERT));
    }

    @Test
    void retractingAContinuanceBringsBackTheHearingItReplaced() {
        String filing = courtFiling();
        String first = morning(30);
        scheduleIndividualHearing(filing, first);
        String continuance = scheduleIndividualHearing(filing, morning(90));

        as(TestTokens.ALICE)
                .get(FILINGS + "/" + filing)
                .then()
                .body("hearings", hasSize(1))
                .body("hearings[0].kind", equalTo("INDIVIDUAL"))
                .body("hearings[0].scheduledOn", equalTo(daysAgo(1)))
                .body("individualHearingAt", sameInstant(morning(90)));

        as(TestTokens.BOB)
                .post(EVENTS + "/" + continuance + "/retraction", filing)
                .then()
                .statusCode(200);

        as(TestTokens.ALICE)
                .get(FILINGS + "/" + filing)
                .then()
                .body("hearings", hasSize(1))
                .body("hearings[0].at", notNullValue())
                .body("individualHearingAt", sameInstant(first));
    }

    @Test
    void aMasterCalendarHearingDoesNotReplaceTheIndividualOne() {
        String filing = courtFiling();
        String individual = morning(50);
        scheduleIndividualHearing(filing, individual);
        as(TestTokens.ALICE)
                .body(event("HEARING_SCHEDULED", daysAgo(1), "hearingAt", morning(20), "kind", "MASTER_CALENDAR"))
                .post(EVENTS, filing)
                .then()
                .statusCode(201);

        as(TestTokens.ALICE)
                .get(FILINGS + "/" + filing)
                .then()
                .body("hearings.kind", hasItem("MASTER_CALENDAR"))
                .body("hearings", hasSize(2))
                .body("individualHearingAt", sameInstant(individual));
    }

    private static String courtFiling() {
        String client = Mother.createClient(TestTokens.ALICE);
        return Mother.createFiling(TestTokens.ALICE, Mother.courtFiling(client, 40));
    }

    private static String scheduleIndividualHearing(String filing, String hearingAt) {
        return as(TestTokens.ALICE)
                .body(event("HEARING_SCHEDULED", daysAgo(1), "hearingAt", hearingAt, "kind", "INDIVIDUAL"))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .extract()
                .path("event.id");
    }

    private static org.hamcrest.Matcher<Object> sameInstant(String expected) {
        OffsetDateTime at = OffsetDateTime.parse(expected);
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof String s && OffsetDateTime.parse(s).isEqual(at);
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("the moment " + expected);
            }
        };
    }
}
