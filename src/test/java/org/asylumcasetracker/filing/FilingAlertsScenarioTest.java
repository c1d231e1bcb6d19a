package org.asylumcasetracker.filing;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Dates.morning;
import static org.asylumcasetracker.support.Dates.today;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The three lifecycle paths again, asking at chosen days what the service tells a case worker to do. */
@QuarkusTest
class FilingAlertsScenarioTest {

    private static final String EVENTS = "/api/v1/filings/{id}/events";

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void uscisByMailReceiptThenBiometricsNotice() {
        String client = Mother.createClient(TestTokens.ALICE);
        String filing = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(client, "MAIL", 120));
        LocalDate receiptDue = today().minusDays(120).plusMonths(3);

        // The day before the receipt is three months late: nothing to do yet.
        alerts(filing, receiptDue.minusDays(1)).body("items.code", not(hasItem("RECEIPT_OVERDUE")));
        // On the day: call the Contact Center, say InfoPass.
        alerts(filing, receiptDue)
                .body("items.find { it.code == 'RECEIPT_OVERDUE' }.daysOverdue", equalTo(0))
                .body("items.find { it.code == 'RECEIPT_OVERDUE' }.severity", equalTo("HIGH"));
        // Today it is overdue, and the filing itself says so.
        as(TestTokens.ALICE).get("/api/v1/filings/" + filing).then().body("alerts.code", hasItem("RECEIPT_OVERDUE"));

        // The receipt came 90 days ago: the biometrics notice is due two months after it.
        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(90), "receiptNumber", Mother.RECEIPT_NUMBER))
                .post(EVENTS, filing)
                .then()
                .statusCode(201);
        LocalDate noticeDue = today().minusDays(90).plusMonths(2);
        alerts(filing, noticeDue.minusDays(1)).body("items.code", not(hasItem("BIOMETRICS_NOTICE_OVERDUE")));
        alerts(filing, noticeDue)
                .body("items.code", not(hasItem("RECEIPT_OVERDUE")))
                .body("items.find { it.code == 'BIOMETRICS_NOTICE_OVERDUE' }.actions.kind", hasItem("CALL"));
    }

    @Test
    void theFilingInAnEventsAnswerKnowsWhetherTheClientHasAPrimaryId() {
        Map<String, Object> withoutId = Mother.client();
        withoutId.put("identityDocuments", List.of("BIRTH_CERTIFICATE"));
        String clientWithoutId = as(TestTokens.ALICE)
                .body(withoutId)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String clientWithPassport = Mother.createClient(TestTokens.ALICE);

        for (String client : List.of(clientWithoutId, clientWithPassport)) {
            String filing = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(client, "MAIL", 60));
            as(TestTokens.ALICE)
                    .body(event("RECEIPT_RECEIVED", daysAgo(50), "receiptNumber", Mother.RECEIPT_NUMBER))
                    .post(EVENTS, filing)
                    .then()
                    .statusCode(201);
            ValidatableResponse recorded = as(TestTokens.ALICE)
                    .body(event(
                            "BIOMETRICS_NOTICE_RECEIVED",
                            daysAgo(2),
                            "appointmentAt",
                            morning(10),
                            "location",
                            Mother.ASC_LOCATION))
                    .post(EVENTS, filing)
                    .then()
                    .statusCode(201);
            ValidatableResponse read =
                    as(TestTokens.ALICE).get("/api/v1/filings/" + filing).then().statusCode(200);
            if (client.equals(clientWithoutId)) {
                recorded.body("filing.alerts.code", hasItem("ID_DOCUMENT_MISSING"));
                read.body("alerts.code", hasItem("ID_DOCUMENT_MISSING"));
            } else {
                recorded.body("filing.alerts.code", not(hasItem("ID_DOCUMENT_MISSING")));
                read.body("alerts.code", not(hasItem("ID_DOCUMENT_MISSING")));
            }
        }
    }

    @Test
    void uscisOnlineAppointmentReminderAndMissingOutcome() {
        String client = Mother.createClient(TestTokens.ALICE);
        String filing = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(client, "ONLINE", 60));
        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(50), "receiptNumber", Mother.RECEIPT_NUMBER))
                .post(EVENTS, filing)
                .then()
                .statusCode(201);
        LocalDate noticeDue = today().minusDays(50).plusMonths(2);
        alerts(filing, noticeDue)
                .body(
                        "items.find { it.code == 'BIOMETRICS_NOTICE_OVERDUE' }.actions.kind",
                        hasItem("CHECK_ONLINE_ACCOUNT"));

        as(TestTokens.ALICE)
                .body(event(
                        "BIOMETRICS_NOTICE_RECEIVED",
                        daysAgo(5),
                        "appointmentAt",
                        morning(10),
                        "location",
                        Mother.ASC_LOCATION))
                .post(EVENTS, filing)
                .then()
                .statusCode(201);
        LocalDate appointment = today().plusDays(10);
        alerts(filing, appointment.minusDays(8)).body("items.code", not(hasItem("APPOINTMENT_UPCOMING")));
        alerts(filing, appointment.minusDays(7))
                .body("items.find { it.code == 'APPOINTMENT_UPCOMING' }.severity", equalTo("INFO"))
                .body("items.find { it.code == 'APPOINTMENT_UPCOMING' }.actions.kind", hasItem("ARRIVE_EARLY"));
        alerts(filing, appointment)
                .body("items.code", hasItem("APPOINTMENT_UPCOMING"))
                .body("items.code", not(hasItem("APPOINTMENT_OUTCOME_MISSING")));
        alerts(filing, appointment.plusDays(1))
                .body("items.code", not(hasItem("APPOINTMENT_UPCOMING")))
                .body("items.find { it.code == 'APPOINTMENT_OUTCOME_MISSING' }.daysOverdue", equalTo(0));
    }

    @Test
    void courtPackageHearingAndMissedAppointment() {
        String client = Mother.createClient(TestTokens.ALICE);
        Map<String, Object> body = Mother.courtFiling(client, 100);
        body.put("individualHearingAt", morning(150));
        String filing = Mother.createFiling(TestTokens.ALICE, body);
        LocalDate filed = today().minusDays(100);

        // A week after filing in court, the package to Nebraska should be in the mail.
        alerts(filing, filed.plusDays(6)).body("items.code", not(hasItem("USCIS_PACKAGE_NOT_MAILED")));
        alerts(filing, filed.plusDays(7))
                .body(
                        "items.find { it.code == 'USCIS_PACKAGE_NOT_MAILED' }.actions.address",
                        hasItem(containsString("87589")));

        as(TestTokens.ALICE)
                .body(event("USCIS_PACKAGE_MAILED", daysAgo(95)))
                .post(EVENTS, filing)
                .then()
                .statusCode(201);
        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(70), "receiptNumber", Mother.RECEIPT_NUMBER))
                .post(EVENTS, filing)
                .then()
                .statusCode(201);

        // Sixty days before the individual hearing, with biometrics not done: critical.
        LocalDate hearing = today().plusDays(150);
        alerts(filing, hearing.minusDays(61))
                .body("items.code", not(hasItem("HEARING_APPROACHING_BIOMETRICS_INCOMPLETE")));
        alerts(filing, hearing.minusDays(60))
                .body("items[0].code", equalTo("HEARING_APPROACHING_BIOMETRICS_INCOMPLETE"))
                .body("items[0].severity", equalTo("CRITICAL"))
                .body("items[0].actions.who", hasItem("GOVERNMENT_ATTORNEY"));

        // The appointment 20 days ago was missed: walk in while the window is open, call after.
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
                .statusCode(201);
        alerts(filing, today())
                .body("items.find { it.code == 'BIOMETRICS_MISSED' }.severity", equalTo("CRITICAL"))
                .body("items.find { it.code == 'BIOMETRICS_MISSED' }.actions.kind", hasItem("WALK_IN"));
        alerts(filing, today().plusDays(5))
                .body("items.find { it.code == 'BIOMETRICS_MISSED' }.actions.kind", not(hasItem("WALK_IN")));

        // Once fingerprinted on a walk-in, nothing about biometrics remains; a closed case raises nothing.
        as(TestTokens.ALICE)
                .body(event("BIOMETRICS_COMPLETED", daysAgo(1), "stampedNoticeKept", true))
                .post(EVENTS, filing)
                .then()
                .statusCode(201);
        alerts(filing, hearing.minusDays(30))
                .body("items.code", not(hasItem("HEARING_APPROACHING_BIOMETRICS_INCOMPLETE")))
                .body("items.code", not(hasItem("BIOMETRICS_MISSED")));
        as(TestTokens.ALICE)
                .body(event("CLOSED", daysAgo(0), "outcome", "GRANTED"))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("filing.alerts.size()", equalTo(0));
        alerts(filing, today().plusDays(400)).body("items.size()", equalTo(0));
    }

    private static ValidatableResponse alerts(String filing, LocalDate asOf) {
        return as(TestTokens.ALICE)
                .queryParam("asOf", asOf.toString())
                .get("/api/v1/filings/{id}/alerts", filing)
                .then()
                .statusCode(200)
                .body("asOf", equalTo(asOf.toString()));
    }
}
