package org.asylumcasetracker.filing;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Dates.hoursFromNow;
import static org.asylumcasetracker.support.Dates.morning;
import static org.asylumcasetracker.support.Dates.today;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One story per way an application travels, told through the API as a case worker would live it. */
@QuarkusTest
class FilingLifecycleScenarioTest {

    private static final String EVENTS = "/api/v1/filings/{id}/events";

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void uscisFilingByMail() {
        // Alice enters a new client and the application she mailed to USCIS 160 days ago.
        String client = Mother.createClient(TestTokens.ALICE);
        String filing = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(client, "MAIL", 160));
        as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filing)
                .then()
                .statusCode(200)
                .body("stage", equalTo("AWAITING_RECEIPT"))
                .body(
                        "workPermitEligibleOn",
                        equalTo(today().minusDays(160).plusDays(150).toString()))
                .body("allowedEvents", hasItem("RECEIPT_RECEIVED"));

        // The receipt notice arrives; the number is typed with spaces and in lower case.
        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(90), "receiptNumber", "ioe 0912345678"))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("stage", equalTo("AWAITING_BIOMETRICS_NOTICE"))
                .body("event.receiptNumber", equalTo(Mother.RECEIPT_NUMBER))
                .body("filing.receiptReceivedOn", equalTo(daysAgo(90)));

        // The biometrics notice comes by mail for an appointment 30 days ago.
        as(TestTokens.ALICE)
                .body(event(
                        "BIOMETRICS_NOTICE_RECEIVED",
                        daysAgo(60),
                        "appointmentAt",
                        morning(-30),
                        "location",
                        Mother.ASC_LOCATION))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("stage", equalTo("BIOMETRICS_SCHEDULED"))
                .body("filing.appointment.deliveredVia", equalTo("MAIL"))
                .body("filing.appointment.rescheduleCount", equalTo(0))
                .body("filing.appointment.onlineRescheduleAllowed", equalTo(false));

        // The client went; the officer stamped the notice and the client kept it.
        as(TestTokens.ALICE)
                .body(event("BIOMETRICS_COMPLETED", daysAgo(30), "stampedNoticeKept", true))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("stage", equalTo("BIOMETRICS_COMPLETED"))
                .body("filing.appointment.stampedNoticeKept", equalTo(true));

        // The work permit application goes in (150 days after filing, nothing stopped the clock), later the case is
        // granted and closed.
        as(TestTokens.ALICE)
                .body(event("WORK_PERMIT_FILED", daysAgo(2)))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("filing.workPermitFiledOn", equalTo(daysAgo(2)));
        as(TestTokens.ALICE)
                .body(event("CLOSED", daysAgo(0), "outcome", "GRANTED"))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("stage", equalTo("CLOSED"))
                .body("filing.outcome", equalTo("GRANTED"));

        // Nothing more can happen to a closed filing.
        as(TestTokens.ALICE)
                .body(event("CONTACT_LOGGED", daysAgo(0)))
                .post(EVENTS, filing)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("allowedEvents", empty());

        // The timeline tells the story, oldest first, with who recorded each step.
        as(TestTokens.ALICE)
                .get(EVENTS, filing)
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body(
                        "items.type",
                        contains(
                                "RECEIPT_RECEIVED",
                                "BIOMETRICS_NOTICE_RECEIVED",
                                "BIOMETRICS_COMPLETED",
                                "WORK_PERMIT_FILED",
                                "CLOSED"))
                .body("items[0].recordedBy", equalTo("alice"))
                .body("items[0].recordedAt", notNullValue())
                .body("items[0].stageBefore", equalTo("AWAITING_RECEIPT"));
    }

    @Test
    void uscisFilingOnlineWithReschedules() {
        // A client filed online 60 days ago; notices will arrive in the online USCIS account.
        String client = Mother.createClient(TestTokens.ALICE);
        String filing = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(client, "ONLINE", 60));
        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(55), "receiptNumber", "ZLA2412345678"))
                .post(EVENTS, filing)
                .then()
                .statusCode(201);

        // The appointment notice appears in the account: ten days from now.
        as(TestTokens.ALICE)
                .body(event(
                        "BIOMETRICS_NOTICE_RECEIVED",
                        daysAgo(20),
                        "appointmentAt",
                        morning(10),
                        "location",
                        Mother.ASC_LOCATION))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("filing.appointment.deliveredVia", equalTo("ONLINE_ACCOUNT"))
                .body("filing.appointment.onlineRescheduleAllowed", equalTo(true));

        // The client cannot make it and reschedules online, twice.
        as(TestTokens.ALICE)
                .body(event("RESCHEDULE_REQUESTED", daysAgo(19), "via", "ONLINE", "reason", "work shift"))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("stage", equalTo("AWAITING_BIOMETRICS_NOTICE"))
                .body("filing.appointment.rescheduleCount", equalTo(1))
                .body("filing.appointment.at", nullValue());
        as(TestTokens.ALICE)
                .body(event(
                        "BIOMETRICS_NOTICE_RECEIVED",
                        daysAgo(15),
                        "appointmentAt",
                        morning(12),
                        "location",
                        Mother.ASC_LOCATION))
                .post(EVENTS, filing)
                .then()
                .statusCode(201);
        as(TestTokens.ALICE)
                .body(event("RESCHEDULE_REQUESTED", daysAgo(14), "via", "ONLINE"))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("filing.appointment.rescheduleCount", equalTo(2));
        as(TestTokens.ALICE)
                .body(event(
                        "BIOMETRICS_NOTICE_RECEIVED",
                        daysAgo(10),
                        "appointmentAt",
                        morning(14),
                        "location",
                        Mother.ASC_LOCATION))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("filing.appointment.onlineRescheduleAllowed", equalTo(false));

        // A third online reschedule is refused; the phone still works.
        as(TestTokens.ALICE)
                .body(event("RESCHEDULE_REQUESTED", daysAgo(9), "via", "ONLINE"))
                .post(EVENTS, filing)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("ONLINE_RESCHEDULE_NOT_ALLOWED"));
        as(TestTokens.ALICE).get("/api/v1/filings/" + filing).then().body("stage", equalTo("BIOMETRICS_SCHEDULED"));
        as(TestTokens.ALICE)
                .body(event("RESCHEDULE_REQUESTED", daysAgo(9), "via", "PHONE"))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("filing.appointment.rescheduleCount", equalTo(3));

        // The new appointment is five hours away: too close to move online, whatever the count.
        as(TestTokens.ALICE)
                .body(event(
                        "BIOMETRICS_NOTICE_RECEIVED",
                        daysAgo(0),
                        "appointmentAt",
                        hoursFromNow(5),
                        "location",
                        Mother.ASC_LOCATION))
                .post(EVENTS, filing)
                .then()
                .statusCode(201);
        as(TestTokens.ALICE)
                .body(event("RESCHEDULE_REQUESTED", daysAgo(0), "via", "ONLINE"))
                .post(EVENTS, filing)
                .then()
                .statusCode(422)
                .body("code", equalTo("ONLINE_RESCHEDULE_NOT_ALLOWED"));

        as(TestTokens.ALICE).get(EVENTS, filing).then().body("total", equalTo(8));
    }

    @Test
    void immigrationCourtFilingWithMissedAppointmentAndWalkIn() {
        // A defensive application filed in court 100 days ago, individual hearing set for next spring.
        String client = Mother.createClient(TestTokens.ALICE);
        Map<String, Object> body = Mother.courtFiling(client, 100);
        String filing = Mother.createFiling(TestTokens.ALICE, body);
        as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filing)
                .then()
                .body("stage", equalTo("AWAITING_USCIS_PACKAGE"))
                .body("channel", nullValue())
                .body("allowedEvents", hasItem("HEARING_SCHEDULED"));

        // The first three pages and the instructions go to the Nebraska Service Center.
        as(TestTokens.ALICE)
                .body(event("USCIS_PACKAGE_MAILED", daysAgo(95), "trackingNumber", "9400111899223344556677"))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("stage", equalTo("AWAITING_RECEIPT"))
                .body("filing.packageMailedOn", equalTo(daysAgo(95)))
                .body("filing.trackingNumber", equalTo("9400111899223344556677"));

        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(70), "receiptNumber", "IOE-091-234-5678"))
                .post(EVENTS, filing)
                .then()
                .statusCode(201);

        // The court sets the individual hearing.
        as(TestTokens.ALICE)
                .body(event("HEARING_SCHEDULED", daysAgo(60), "hearingAt", morning(150), "kind", "INDIVIDUAL"))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("stage", equalTo("AWAITING_BIOMETRICS_NOTICE"))
                .body("filing.individualHearingAt", notNullValue());

        // The appointment was 20 days ago, and the client missed it.
        as(TestTokens.ALICE)
                .body(event(
                        "BIOMETRICS_NOTICE_RECEIVED",
                        daysAgo(40),
                        "appointmentAt",
                        morning(-20),
                        "location",
                        Mother.ASC_LOCATION))
                .post(EVENTS, filing)
                .then()
                .statusCode(201);
        as(TestTokens.ALICE)
                .body(event("BIOMETRICS_MISSED", daysAgo(20)))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("stage", equalTo("BIOMETRICS_MISSED"));

        // Alice calls the Contact Center, then the client walks in at the office and is fingerprinted.
        as(TestTokens.ALICE)
                .body(event(
                        "CONTACT_LOGGED",
                        daysAgo(18),
                        "channel",
                        "USCIS_CONTACT_CENTER",
                        "note",
                        "Advised to try a walk-in"))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("stage", equalTo("BIOMETRICS_MISSED"));
        as(TestTokens.ALICE)
                .body(event("BIOMETRICS_COMPLETED", daysAgo(15), "stampedNoticeKept", false))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("stage", equalTo("BIOMETRICS_COMPLETED"));

        // That last entry was a mistake: Bob, the supervisor, retracts it and the filing goes back.
        String completion =
                as(TestTokens.ALICE).get(EVENTS, filing).then().extract().path("items[6].id");
        as(TestTokens.ALICE)
                .post(EVENTS + "/" + completion + "/retraction", filing)
                .then()
                .statusCode(403);
        String missed =
                as(TestTokens.ALICE).get(EVENTS, filing).then().extract().path("items[4].id");
        as(TestTokens.BOB)
                .post(EVENTS + "/" + missed + "/retraction", filing)
                .then()
                .statusCode(409);
        as(TestTokens.BOB)
                .post(EVENTS + "/" + completion + "/retraction", filing)
                .then()
                .statusCode(200)
                .body("stage", equalTo("BIOMETRICS_MISSED"))
                .body("event.retracted", equalTo(true))
                .body("event.retractedBy", equalTo("bob"))
                .body("filing.updatedBy", equalTo("bob"));
        as(TestTokens.BOB)
                .post(EVENTS + "/" + completion + "/retraction", filing)
                .then()
                .statusCode(409);

        // The timeline keeps the retracted entry, marked.
        as(TestTokens.ALICE)
                .get(EVENTS, filing)
                .then()
                .body("total", equalTo(7))
                .body(
                        "items.type",
                        contains(
                                "USCIS_PACKAGE_MAILED",
                                "RECEIPT_RECEIVED",
                                "HEARING_SCHEDULED",
                                "BIOMETRICS_NOTICE_RECEIVED",
                                "BIOMETRICS_MISSED",
                                "CONTACT_LOGGED",
                                "BIOMETRICS_COMPLETED"))
                .body("items[6].retracted", equalTo(true))
                .body("items[5].retracted", equalTo(false));
    }

    @Test
    void underTheAutomaticCourtProcessACourtFilingWaitsForItsNoticeRightAway() {
        String org = "auto-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Organizations.ensure(org, "Automatic Clinic", "America/New_York");
        String supervisor = TestTokens.token("sue", "supervisor", org);
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "receiptOverdueMonths",
                3,
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
                "AUTOMATIC"));
        as(supervisor)
                .body(settings)
                .put("/api/v1/organizations/" + org + "/settings")
                .then()
                .statusCode(200);
        String client = Mother.createClient(supervisor);
        as(supervisor)
                .body(Mother.courtFiling(client, 10))
                .post("/api/v1/filings")
                .then()
                .statusCode(201)
                .body("stage", equalTo("AWAITING_BIOMETRICS_NOTICE"))
                .body("allowedEvents", hasItem("BIOMETRICS_NOTICE_RECEIVED"));
    }
}
