package org.asylumcasetracker.filing;

import static org.asylumcasetracker.support.Api.anonymous;
import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Dates.daysAhead;
import static org.asylumcasetracker.support.Dates.morning;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FilingResourceTest {

    private static final String FILINGS = "/api/v1/filings";
    private static final String EVENTS = "/api/v1/filings/{id}/events";

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void everyRequiredFieldMissingIsNamed() {
        as(TestTokens.ALICE)
                .body("{}")
                .post(FILINGS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("clientId", "venue", "filedOn"));
    }

    @Test
    void venueAndChannelRules() {
        String client = Mother.createClient(TestTokens.ALICE);
        Map<String, Object> uscis = Mother.uscisFiling(client, "MAIL", 10);
        uscis.remove("channel");
        as(TestTokens.ALICE)
                .body(uscis)
                .post(FILINGS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        Map<String, Object> court = Mother.courtFiling(client, 10);
        court.put("channel", "MAIL");
        as(TestTokens.ALICE)
                .body(court)
                .post(FILINGS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        uscis.put("channel", "FAX");
        as(TestTokens.ALICE)
                .body(uscis)
                .post(FILINGS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        uscis.put("channel", "MAIL");
        uscis.put("venue", "SUPREME_COURT");
        as(TestTokens.ALICE).body(uscis).post(FILINGS).then().statusCode(400).body("errors[0].field", equalTo("venue"));
        as(TestTokens.ALICE).queryParam("clientId", client).get(FILINGS).then().body("total", equalTo(0));
    }

    @Test
    void datesAndClientsAreChecked() {
        String client = Mother.createClient(TestTokens.ALICE);
        Map<String, Object> body = Mother.uscisFiling(client, "ONLINE", 0);
        body.put("filedOn", daysAhead(1));
        as(TestTokens.ALICE)
                .body(body)
                .post(FILINGS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("filedOn"));
        body.put("filedOn", "yesterday");
        as(TestTokens.ALICE)
                .body(body)
                .post(FILINGS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("filedOn"));
        body.put("filedOn", daysAgo(3));
        body.put("clientId", UUID.randomUUID().toString());
        as(TestTokens.ALICE)
                .body(body)
                .post(FILINGS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("clientId"));
        body.put("clientId", "not-a-uuid");
        as(TestTokens.ALICE)
                .body(body)
                .post(FILINGS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("clientId"));
        // a client of another organization is not a client here
        String carols = Mother.createClient(TestTokens.CAROL);
        body.put("clientId", carols);
        as(TestTokens.ALICE)
                .body(body)
                .post(FILINGS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("clientId"));
        as(TestTokens.ALICE).queryParam("clientId", client).get(FILINGS).then().body("total", equalTo(0));
    }

    @Test
    void familyMembersMustBeOtherClientsOfTheSameOrganization() {
        String principal = Mother.createClient(TestTokens.ALICE);
        String spouse = Mother.createClient(TestTokens.ALICE);
        String carols = Mother.createClient(TestTokens.CAROL);
        Map<String, Object> body = Mother.uscisFiling(principal, "MAIL", 5);
        body.put("familyMemberIds", List.of(carols));
        as(TestTokens.ALICE)
                .body(body)
                .post(FILINGS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("familyMemberIds"));
        body.put("familyMemberIds", List.of(principal));
        as(TestTokens.ALICE)
                .body(body)
                .post(FILINGS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("familyMemberIds"));
        body.put("familyMemberIds", List.of(spouse, spouse));
        as(TestTokens.ALICE)
                .body(body)
                .post(FILINGS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("familyMemberIds"));
        as(TestTokens.ALICE)
                .queryParam("clientId", principal)
                .get(FILINGS)
                .then()
                .body("total", equalTo(0));
        body.put("familyMemberIds", List.of(spouse));
        as(TestTokens.ALICE)
                .body(body)
                .post(FILINGS)
                .then()
                .statusCode(201)
                .body("familyMemberIds", equalTo(List.of(spouse)));
    }

    @Test
    void patchEditsDescriptionButNotVenueOrClient() {
        String client = Mother.createClient(TestTokens.ALICE);
        String filing = Mother.createFiling(TestTokens.ALICE, Mother.courtFiling(client, 30));
        as(TestTokens.ALICE)
                .contentType("application/merge-patch+json")
                .body(Map.of("courtName", "Elizabeth Immigration Court", "individualHearingAt", morning(200)))
                .patch(FILINGS + "/" + filing)
                .then()
                .statusCode(200)
                .body("courtName", equalTo("Elizabeth Immigration Court"))
                .body("version", equalTo(1));
        as(TestTokens.ALICE)
                .body(Map.of("venue", "USCIS", "channel", "MAIL"))
                .patch(FILINGS + "/" + filing)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("venue"));
        as(TestTokens.ALICE)
                .header("If-Match", "\"0\"")
                .body(Map.of("courtName", "X"))
                .patch(FILINGS + "/" + filing)
                .then()
                .statusCode(412);
        as(TestTokens.ALICE)
                .get(FILINGS + "/" + filing)
                .then()
                .body("venue", equalTo("IMMIGRATION_COURT"))
                .body("courtName", equalTo("Elizabeth Immigration Court"))
                .header("ETag", equalTo("\"1\""));
    }

    @Test
    void upsertByExternalRef() {
        String client = Mother.createClient(TestTokens.INTEGRATION);
        String ref = "CASE-" + UUID.randomUUID();
        Map<String, Object> body = Mother.uscisFiling(client, "MAIL", 20);
        String id = as(TestTokens.INTEGRATION)
                .body(body)
                .put(FILINGS + "/by-ref/" + ref)
                .then()
                .statusCode(201)
                .body("externalRef", equalTo(ref))
                .body("stage", equalTo("AWAITING_RECEIPT"))
                .extract()
                .path("id");
        body.put("channel", "ONLINE");
        as(TestTokens.INTEGRATION)
                .body(body)
                .put(FILINGS + "/by-ref/" + ref)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("channel", equalTo("ONLINE"));
    }

    @Test
    void eventFieldRules() {
        String client = Mother.createClient(TestTokens.ALICE);
        String filing = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(client, "MAIL", 30));
        as(TestTokens.ALICE)
                .body(Map.of("occurredOn", daysAgo(1)))
                .post(EVENTS, filing)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        as(TestTokens.ALICE)
                .body(Map.of("type", "TELEPATHY", "occurredOn", daysAgo(1)))
                .post(EVENTS, filing)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(1)))
                .post(EVENTS, filing)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("receiptNumber"));
        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(1), "receiptNumber", "IOE123"))
                .post(EVENTS, filing)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("receiptNumber"));
        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(31), "receiptNumber", Mother.RECEIPT_NUMBER))
                .post(EVENTS, filing)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredOn"));
        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAhead(1), "receiptNumber", Mother.RECEIPT_NUMBER))
                .post(EVENTS, filing)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredOn"));
        // out of order: 409 naming what is allowed
        as(TestTokens.ALICE)
                .body(event("BIOMETRICS_MISSED", daysAgo(1)))
                .post(EVENTS, filing)
                .then()
                .statusCode(409)
                .body("allowedEvents", hasItems("RECEIPT_RECEIVED", "CONTACT_LOGGED", "CLOSED"))
                .body("allowedEvents", not(hasItem("HEARING_SCHEDULED")));
        as(TestTokens.ALICE)
                .body(event("HEARING_SCHEDULED", daysAgo(1), "hearingAt", morning(30), "kind", "INDIVIDUAL"))
                .post(EVENTS, filing)
                .then()
                .statusCode(409);
        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(2), "receiptNumber", Mother.RECEIPT_NUMBER))
                .post(EVENTS, filing)
                .then()
                .statusCode(201);
        Map<String, Object> notice = new HashMap<>(event("BIOMETRICS_NOTICE_RECEIVED", daysAgo(1)));
        as(TestTokens.ALICE)
                .body(notice)
                .post(EVENTS, filing)
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("appointmentAt", "location"));
        notice.put("appointmentAt", "2026-03-10T09:00:00");
        notice.put("location", Mother.ASC_LOCATION);
        as(TestTokens.ALICE)
                .body(notice)
                .post(EVENTS, filing)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("appointmentAt"));
        // a notice that arrives after its appointment day (the client never got it in time): the day is missed
        notice.put("appointmentAt", morning(-5));
        as(TestTokens.ALICE)
                .body(notice)
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("filing.stage", equalTo("BIOMETRICS_MISSED"))
                .body("filing.alerts.code", hasItem("BIOMETRICS_MISSED"));
        notice.put("appointmentAt", morning(5));
        as(TestTokens.ALICE).body(notice).post(EVENTS, filing).then().statusCode(201);
        as(TestTokens.ALICE)
                .body(event("BIOMETRICS_MISSED", daysAgo(0)))
                .post(EVENTS, filing)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredOn"));
        as(TestTokens.ALICE)
                .body(event("RESCHEDULE_REQUESTED", daysAgo(0)))
                .post(EVENTS, filing)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("via"));
        as(TestTokens.ALICE)
                .body(event("CLOSED", daysAgo(0)))
                .post(EVENTS, filing)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        as(TestTokens.ALICE).get(EVENTS, filing).then().body("total", equalTo(3));
        as(TestTokens.ALICE).get(FILINGS + "/" + filing).then().body("stage", equalTo("BIOMETRICS_SCHEDULED"));
    }

    @Test
    void rolesAndTenancy() {
        String client = Mother.createClient(TestTokens.ALICE);
        String filing = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(client, "MAIL", 10));
        anonymous().get(FILINGS + "/" + filing).then().statusCode(401);
        as(TestTokens.DANA).get(FILINGS + "/" + filing).then().statusCode(403);
        as(TestTokens.ADMIN).get(FILINGS).then().statusCode(403);
        String demoEvent = as(TestTokens.INTEGRATION)
                .body(event("CONTACT_LOGGED", daysAgo(1)))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .extract()
                .path("event.id");

        as(TestTokens.CAROL).get(FILINGS + "/" + filing).then().statusCode(404);
        as(TestTokens.CAROL).get(EVENTS, filing).then().statusCode(404);
        as(TestTokens.CAROL)
                .body(event("CONTACT_LOGGED", daysAgo(1)))
                .post(EVENTS, filing)
                .then()
                .statusCode(404);
        as(TestTokens.CAROL)
                .body(Map.of("courtName", "x"))
                .patch(FILINGS + "/" + filing)
                .then()
                .statusCode(404);
        // the other clinic's supervisor names demo's real filing and its real latest event: still nothing
        as(TestTokens.CAROL_SUPERVISOR)
                .post(EVENTS + "/" + demoEvent + "/retraction", filing)
                .then()
                .statusCode(404);
        // the filing table grows with every test: look for this filing by its client, not on a first page
        as(TestTokens.CAROL).queryParam("clientId", client).get(FILINGS).then().body("total", equalTo(0));
        as(TestTokens.ALICE).queryParam("clientId", client).get(FILINGS).then().body("total", equalTo(1));
        as(TestTokens.ALICE)
                .get(EVENTS, filing)
                .then()
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(demoEvent))
                .body("items[0].retracted", equalTo(false));
    }

    @Test
    void listFilters() {
        String client = Mother.createClient(TestTokens.ALICE);
        String filing = Mother.createFiling(TestTokens.ALICE, Mother.courtFiling(client, 10));
        as(TestTokens.ALICE)
                .queryParam("clientId", client)
                .queryParam("venue", "IMMIGRATION_COURT")
                .queryParam("stage", "AWAITING_USCIS_PACKAGE")
                .get(FILINGS)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(filing)));
        as(TestTokens.ALICE)
                .queryParam("clientId", client)
                .queryParam("venue", "USCIS")
                .get(FILINGS)
                .then()
                .body("total", equalTo(0));
        as(TestTokens.ALICE)
                .queryParam("caseworker", "alice")
                .queryParam("size", 200)
                .get(FILINGS)
                .then()
                .body("items.id", hasItem(filing));
        as(TestTokens.ALICE).queryParam("stage", "LOST").get(FILINGS).then().statusCode(400);
    }
}
