package org.asylumcasetracker.filing;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Dates.morning;
import static org.asylumcasetracker.support.Dates.today;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A mother and her 16-year-old son on one application in immigration court. USCIS sends each of them a receipt and
 * an appointment; she goes, he misses his and has no ID, and the individual hearing is a month away. Each of his
 * troubles raises his own alert, whatever his mother has done, and his walk-in clears them.
 */
@QuarkusTest
class FamilyCourtCaseScenarioTest {

    private static final String FILINGS = "/api/v1/filings";
    private static final String EVENTS = "/api/v1/filings/{id}/events";
    private static final String HEARING_ALERT = "HEARING_APPROACHING_BIOMETRICS_INCOMPLETE";

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void theSonsMissedAppointmentMissingIdAndApproachingHearingAreHisOwn() {
        String mother = Mother.createClient(TestTokens.ALICE);
        String son = clientWithout(List.of("BIRTH_CERTIFICATE"));
        Map<String, Object> application = Mother.courtFiling(mother, 200);
        application.put("familyMemberIds", List.of(son));
        String filing = Mother.createFiling(TestTokens.ALICE, application);

        // Both wait for the one package that covers everyone sharing the mother's hearings.
        as(TestTokens.ALICE)
                .get(FILINGS + "/" + filing)
                .then()
                .body("members.clientId", contains(mother, son))
                .body("members.relationship", contains("PRINCIPAL", "OTHER"))
                .body("members.stage", contains("AWAITING_USCIS_PACKAGE", "AWAITING_USCIS_PACKAGE"))
                .body("alerts.findAll { it.code == 'USCIS_PACKAGE_NOT_MAILED' }.clientId", contains(mother));
        post(filing, event("USCIS_PACKAGE_MAILED", daysAgo(190), "trackingNumber", "9400100000000000000000"));

        // Each gets a receipt notice of their own; the hearing is set for a month from now.
        post(filing, event("RECEIPT_RECEIVED", daysAgo(150), "receiptNumber", "ZLA2412345678"));
        post(filing, event("RECEIPT_RECEIVED", daysAgo(148), "receiptNumber", "ZLA2412345679", "clientId", son));
        post(filing, event("HEARING_SCHEDULED", daysAgo(100), "hearingAt", morning(30), "kind", "INDIVIDUAL"));

        // Each gets an appointment, three weeks ago. The son has no passport and no government ID.
        post(filing, notice(null));
        ValidatableResponse scheduled = post(filing, notice(son));
        scheduled
                .body("filing.members[1].stage", equalTo("BIOMETRICS_SCHEDULED"))
                .body("filing.members[1].receiptNumber", equalTo("ZLA2412345679"))
                .body("filing.alerts.findAll { it.code == 'ID_DOCUMENT_MISSING' }.clientId", contains(son))
                .body("filing.alerts.findAll { it.code == '" + HEARING_ALERT + "' }.clientId", contains(mother, son));

        // She went; he did not. Her hearing alert ends, his stays, and his missed appointment is his own.
        post(filing, event("BIOMETRICS_COMPLETED", daysAgo(21), "stampedNoticeKept", true));
        ValidatableResponse missed = post(filing, event("BIOMETRICS_MISSED", daysAgo(21), "clientId", son));
        missed.body("filing.stage", equalTo("BIOMETRICS_MISSED"))
                .body("filing.members.stage", contains("BIOMETRICS_COMPLETED", "BIOMETRICS_MISSED"))
                .body("filing.alerts.findAll { it.code == '" + HEARING_ALERT + "' }.clientId", contains(son))
                .body("filing.alerts.findAll { it.code == 'BIOMETRICS_MISSED' }.clientId", contains(son))
                .body("filing.alerts.findAll { it.clientId == '" + mother + "' }.code", not(hasItem(HEARING_ALERT)));

        // The supervisor's report names him in each row about him.
        as(TestTokens.BOB)
                .queryParam("code", HEARING_ALERT)
                .get("/api/v1/reports/overdue")
                .then()
                .statusCode(200)
                .body("items.findAll { it.filingId == '" + filing + "' }.clientId", contains(son))
                .body("items.find { it.filingId == '" + filing + "' }.clientName", containsString(Mother.FIRST_NAME));

        // Today he walks in at the office on his notice and is fingerprinted: his alerts end.
        post(filing, event("BIOMETRICS_COMPLETED", today().toString(), "clientId", son))
                .body("filing.stage", equalTo("BIOMETRICS_COMPLETED"))
                .body("filing.alerts.code", not(hasItem(HEARING_ALERT)))
                .body("filing.alerts.code", not(hasItem("BIOMETRICS_MISSED")));
    }

    @Test
    void aChildWhoseCaseWasSeveredNeedsAPackageOfHerOwn() {
        String mother = Mother.createClient(TestTokens.ALICE);
        String son = Mother.createClient(TestTokens.ALICE);
        String daughter = Mother.createClient(TestTokens.ALICE);
        Map<String, Object> application = Mother.courtFiling(mother, 60);
        application.put("familyMemberIds", List.of(son, daughter));
        String filing = Mother.createFiling(TestTokens.ALICE, application);

        // The court severed the daughter's case: her individual hearing is her own, earlier than her mother's.
        post(filing, event("HEARING_SCHEDULED", daysAgo(50), "hearingAt", morning(300), "kind", "INDIVIDUAL"));
        post(
                filing,
                event(
                        "HEARING_SCHEDULED",
                        daysAgo(45),
                        "hearingAt",
                        morning(200),
                        "kind",
                        "INDIVIDUAL",
                        "clientIds",
                        List.of(daughter)));
        // Two packages are missing: the one for everyone sharing the mother's hearings, and the daughter's.
        as(TestTokens.ALICE)
                .get(FILINGS + "/" + filing)
                .then()
                .body("individualHearingAt", notNullValue())
                .body(
                        "alerts.findAll { it.code == 'USCIS_PACKAGE_NOT_MAILED' }.clientId",
                        containsInAnyOrder(mother, daughter));

        // The family's package goes out for the mother and the son; the daughter's is still missing.
        post(filing, event("USCIS_PACKAGE_MAILED", daysAgo(40), "clientIds", List.of(mother, son)))
                .body("filing.stage", equalTo("AWAITING_USCIS_PACKAGE"))
                .body(
                        "filing.members.stage",
                        contains("AWAITING_RECEIPT", "AWAITING_RECEIPT", "AWAITING_USCIS_PACKAGE"))
                .body("filing.alerts.findAll { it.code == 'USCIS_PACKAGE_NOT_MAILED' }.clientId", contains(daughter));
        // Hers goes out later; each person's receipt is awaited from the day their own package was mailed.
        post(filing, event("USCIS_PACKAGE_MAILED", daysAgo(10), "clientIds", List.of(daughter)))
                .body("filing.stage", equalTo("AWAITING_RECEIPT"))
                .body("filing.alerts.code", not(hasItem("USCIS_PACKAGE_NOT_MAILED")));
        alertsOn(filing, today().minusDays(40).plusMonths(3))
                .body("items.findAll { it.code == 'RECEIPT_OVERDUE' }.clientId", containsInAnyOrder(mother, son));
        alertsOn(filing, today().minusDays(10).plusMonths(3))
                .body(
                        "items.findAll { it.code == 'RECEIPT_OVERDUE' }.clientId",
                        containsInAnyOrder(mother, son, daughter));
        // Her hearing comes first: 60 days before it, the warning is hers alone.
        alertsOn(filing, today().plusDays(150))
                .body("items.findAll { it.code == '" + HEARING_ALERT + "' }.clientId", contains(daughter));
        alertsOn(filing, today().plusDays(250))
                .body("items.findAll { it.code == '" + HEARING_ALERT + "' }.clientId", containsInAnyOrder(mother, son));
    }

    @Test
    void aPackageNamingSomeoneNotOnTheApplicationIsRefused() {
        String mother = Mother.createClient(TestTokens.ALICE);
        String stranger = Mother.createClient(TestTokens.ALICE);
        String filing = Mother.createFiling(TestTokens.ALICE, Mother.courtFiling(mother, 30));
        as(TestTokens.ALICE)
                .body(event("USCIS_PACKAGE_MAILED", daysAgo(5), "clientIds", List.of(stranger)))
                .post(EVENTS, filing)
                .then()
                .statusCode(400)
                .body("errors.field", contains("clientIds"));
        as(TestTokens.ALICE).get(EVENTS, filing).then().body("total", equalTo(0));
    }

    private static ValidatableResponse alertsOn(String filing, java.time.LocalDate asOf) {
        return as(TestTokens.ALICE)
                .queryParam("asOf", asOf.toString())
                .get("/api/v1/filings/{id}/alerts", filing)
                .then()
                .statusCode(200);
    }

    @Test
    void anEventAboutSomeoneNotOnTheApplicationIsRefusedWithoutSayingWhetherTheyExist() {
        String mother = Mother.createClient(TestTokens.ALICE);
        String son = Mother.createClient(TestTokens.ALICE);
        String neighbour = Mother.createClient(TestTokens.ALICE);
        String otherClinicsClient = Mother.createClient(TestTokens.CAROL);
        Map<String, Object> application = Mother.uscisFiling(mother, "MAIL", 60);
        application.put("familyMemberIds", List.of(son));
        String filing = Mother.createFiling(TestTokens.ALICE, application);

        String notOnIt = refused(filing, neighbour);
        String elsewhere = refused(filing, otherClinicsClient);
        String nobody = refused(filing, "6f1c2a9e-1111-4b7e-9c55-000000000000");
        // the three answers are the same: nothing tells whether the client exists, or where
        org.junit.jupiter.api.Assertions.assertEquals(notOnIt, elsewhere);
        org.junit.jupiter.api.Assertions.assertEquals(notOnIt, nobody);

        as(TestTokens.ALICE).get(EVENTS, filing).then().body("total", equalTo(0));
    }

    @Test
    void anEventAboutAPersonAlreadyPastItNamesThatPersonsAllowedEvents() {
        String mother = Mother.createClient(TestTokens.ALICE);
        String daughter = Mother.createClient(TestTokens.ALICE);
        Map<String, Object> application = Mother.uscisFiling(mother, "ONLINE", 60);
        application.put("familyMemberIds", List.of(daughter));
        String filing = Mother.createFiling(TestTokens.ALICE, application);
        post(filing, event("RECEIPT_RECEIVED", daysAgo(30), "receiptNumber", Mother.RECEIPT_NUMBER));

        // The mother's receipt is in; the daughter still waits for hers.
        as(TestTokens.ALICE)
                .body(event(
                        "RECEIPT_RECEIVED", daysAgo(20), "receiptNumber", Mother.RECEIPT_NUMBER, "clientId", mother))
                .post(EVENTS, filing)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("allowedEvents", hasItem("BIOMETRICS_NOTICE_RECEIVED"))
                .body("allowedEvents", not(hasItem("RECEIPT_RECEIVED")));
        as(TestTokens.ALICE)
                .get(FILINGS + "/" + filing)
                .then()
                .body("stage", equalTo("AWAITING_RECEIPT"))
                .body("allowedEvents", hasItem("RECEIPT_RECEIVED"))
                .body("members[1].allowedEvents", hasItem("RECEIPT_RECEIVED"))
                .body("members[0].allowedEvents", not(hasItem("RECEIPT_RECEIVED")));
    }

    @Test
    void aUscisMailFilingKeepsItsTrackingNumberAndOthersAreNotAskedForOne() {
        String client = Mother.createClient(TestTokens.ALICE);
        Map<String, Object> mailed = Mother.uscisFiling(client, "MAIL", 100);
        mailed.put("trackingNumber", "9400100000000000000099");
        String filing = Mother.createFiling(TestTokens.ALICE, mailed);
        as(TestTokens.ALICE)
                .get(FILINGS + "/" + filing)
                .then()
                .body("trackingNumber", equalTo("9400100000000000000099"));

        for (Map<String, Object> other :
                List.of(Mother.uscisFiling(client, "ONLINE", 10), Mother.courtFiling(client, 10))) {
            other.put("trackingNumber", "9400100000000000000099");
            as(TestTokens.ALICE)
                    .body(other)
                    .post(FILINGS)
                    .then()
                    .statusCode(400)
                    .body("errors.field", contains("trackingNumber"));
        }
    }

    private static String refused(String filing, String clientId) {
        return as(TestTokens.ALICE)
                .body(event(
                        "RECEIPT_RECEIVED", daysAgo(20), "receiptNumber", Mother.RECEIPT_NUMBER, "clientId", clientId))
                .post(EVENTS, filing)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("clientId"))
                .extract()
                .path("errors[0].message");
    }

    private static Map<String, Object> notice(String clientId) {
        Map<String, Object> notice = event(
                "BIOMETRICS_NOTICE_RECEIVED",
                daysAgo(40),
                "appointmentAt",
                morning(-21),
                "location",
                Mother.ASC_LOCATION);
        if (clientId != null) {
            notice.put("clientId", clientId);
        }
        return notice;
    }

    private static ValidatableResponse post(String filing, Map<String, Object> body) {
        return as(TestTokens.ALICE).body(body).post(EVENTS, filing).then().statusCode(201);
    }

    private static String clientWithout(List<String> documents) {
        Map<String, Object> body = Mother.client();
        body.put("identityDocuments", documents);
        return as(TestTokens.ALICE)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
