package org.asylumcasetracker.report;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.support.AllOrganizations;
import org.asylumcasetracker.support.Dates;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A family in court moves: each person on the application owes USCIS an AR-11 within 10 days and the court an
 * EOIR-33 within 5; the alerts say so per duty and person, appear in the report with the form and the deadline,
 * and clear as the forms are recorded as sent. The move reaches the change feed and the CLIENT_CHANGED webhook.
 */
@QuarkusTest
class AddressChangeScenarioTest {

    private static final String REPORT = "/api/v1/reports/overdue";
    private static final Map<String, Object> NEW_ADDRESS =
            Map.of("line1", "45 Market St", "city", "Paterson", "state", "NJ", "postalCode", "07505");

    @Inject
    EntityManager em;

    private final String org = "adr-" + UUID.randomUUID().toString().substring(0, 8);
    private final String supervisor = TestTokens.token("sue", "supervisor", org);
    private final String caseworker = TestTokens.token("cwa", "caseworker", org);
    private final String integration = TestTokens.token("service-account-adr", "integration", org);

    @SuppressWarnings("unchecked")
    /** The forms the person still owes on {@code asOf}, in alphabetical order. */
    private List<String> forms(String clientId, String asOf) {
        List<Map<String, Object>> items = as(caseworker)
                .queryParam("asOf", asOf)
                .get("/api/v1/clients/" + clientId + "/alerts")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(item -> "ADDRESS_CHANGE_NOT_REPORTED".equals(item.get("code")))
                .map(item -> (String)
                        ((List<Map<String, Object>>) item.get("actions")).get(0).get("form"))
                .sorted()
                .toList();
    }

    private void move(String clientId, String movedOn, int expectedStatus) {
        as(caseworker)
                .contentType("application/merge-patch+json")
                .body(Map.of("mailingAddress", NEW_ADDRESS, "movedOn", movedOn))
                .patch("/api/v1/clients/" + clientId)
                .then()
                .statusCode(expectedStatus);
    }

    private void report(String filingId, String form, String clientId, String occurredOn, int expectedStatus) {
        Map<String, Object> body = event("ADDRESS_CHANGE_REPORTED", occurredOn, "form", form);
        if (clientId != null) {
            body.put("clientId", clientId);
        }
        as(caseworker)
                .body(body)
                .post("/api/v1/filings/" + filingId + "/events")
                .then()
                .statusCode(expectedStatus);
    }

    @Test
    void aFamilyInCourtMovesAndReportsIt() {
        Organizations.ensure(org, "Address Clinic", "America/New_York");
        String hook = as(supervisor)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("CLIENT_CHANGED")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // 1. Nadia is in court with her son Omar on her application; a neighbour, Farid, has no filing.
        String nadia = Mother.createClient(caseworker);
        String omar = Mother.createClient(caseworker);
        String farid = Mother.createClient(caseworker);
        Map<String, Object> court = Mother.courtFiling(nadia, 200);
        court.put("familyMemberIds", List.of(omar));
        String filing = Mother.createFiling(caseworker, court);
        String moved = Dates.daysAgo(8);
        String lastAr11Day = Dates.daysAgo(-2);

        // 2. A move in the future is refused and changes nothing.
        move(nadia, Dates.daysAhead(2), 400);
        as(caseworker).get("/api/v1/clients/" + nadia).then().body("mailingAddress.city", equalTo("Newark"));

        // 3. Nadia and Omar moved 8 days ago: each owes the AR-11 and the EOIR-33; Farid, on no filing, owes nothing.
        move(nadia, moved, 200);
        move(omar, moved, 200);
        move(farid, moved, 200);
        as(caseworker).get("/api/v1/clients/" + nadia).then().body("movedOn", equalTo(moved));
        assertEquals(List.of(), forms(nadia, Dates.daysAgo(9)));
        for (String person : List.of(nadia, omar)) {
            assertEquals(
                    List.of("AR_11", "EOIR_33"), forms(person, Dates.today().toString()));
        }
        assertEquals(List.of(), forms(farid, Dates.today().toString()));
        as(supervisor)
                .queryParam("code", "ADDRESS_CHANGE_NOT_REPORTED")
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("items.filingId", contains(nullValue(), nullValue(), nullValue(), nullValue()))
                .body(
                        "items.findAll { it.clientId == '" + nadia + "' }.collect { it.actions[0].deadlineOn }",
                        containsInAnyOrder(lastAr11Day, Dates.daysAgo(3)))
                .body("items.collect { it.actions[0].kind }", everyItem("REPORT_ADDRESS_CHANGE"));
        as(supervisor).get(REPORT + "/summary").then().body("byCode.ADDRESS_CHANGE_NOT_REPORTED", equalTo(4));

        // 4. Bad reports are refused: a person not on this filing, an EOIR-33 to a USCIS filing, no form.
        report(filing, "AR_11", farid, Dates.daysAgo(1), 400);
        String uscis = Mother.createFiling(caseworker, Mother.uscisFiling(farid, "MAIL", 30));
        report(uscis, "EOIR_33", null, Dates.daysAgo(1), 400);
        as(caseworker)
                .body(event("ADDRESS_CHANGE_REPORTED", Dates.daysAgo(1)))
                .post("/api/v1/filings/" + filing + "/events")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("form"));

        // 5. Nadia's EOIR-33 went to the court yesterday (3 days late), her AR-11 today; Omar's AR-11 (default
        //    clientId is the principal, so he is named) today too.
        report(filing, "EOIR_33", null, Dates.daysAgo(1), 201);
        assertEquals(List.of("AR_11"), forms(nadia, Dates.daysAgo(1)));
        report(filing, "AR_11", null, Dates.today().toString(), 201);
        report(filing, "AR_11", omar, Dates.today().toString(), 201);
        assertEquals(List.of(), forms(nadia, Dates.today().toString()));
        assertEquals(List.of("EOIR_33"), forms(omar, Dates.today().toString()));
        // the days before still show what was owed then
        assertEquals(List.of("AR_11", "EOIR_33"), forms(omar, Dates.daysAgo(2)));
        as(caseworker)
                .get("/api/v1/filings/" + filing + "/events")
                .then()
                .body("items.findAll { it.type == 'ADDRESS_CHANGE_REPORTED' }.clientId", hasItem(omar))
                .body("items.findAll { it.type == 'ADDRESS_CHANGE_REPORTED' }.form", hasItem("EOIR_33"));

        // 6. Retracting the last report brings Omar's AR-11 back.
        String last = as(caseworker)
                .get("/api/v1/filings/" + filing + "/events")
                .then()
                .extract()
                .path("items[-1].id");
        as(supervisor)
                .post("/api/v1/filings/" + filing + "/events/" + last + "/retraction")
                .then()
                .statusCode(200);
        assertEquals(List.of("AR_11", "EOIR_33"), forms(omar, Dates.today().toString()));

        // 7. The move is in the change feed and in the CLIENT_CHANGED webhook, with the day of the move.
        as(integration)
                .queryParam("limit", 200)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("items.findAll { it.entityId == '" + nadia + "' }.type", hasItem("CLIENT_UPDATED"));
        List<?> payloads = AllOrganizations.call(() -> em.createNativeQuery(
                        "select payload from webhook_delivery where event_type = 'CLIENT_CHANGED' and payload like :c")
                .setParameter("c", "%" + nadia + "%")
                .getResultList());
        assertTrue(
                payloads.stream().anyMatch(p -> p.toString().contains("\"movedOn\":\"" + moved + "\"")),
                "a CLIENT_CHANGED delivery carries the move: " + payloads);
        as(supervisor).delete("/api/v1/webhooks/" + hook);
    }

    private static org.hamcrest.Matcher<Iterable<? super String>> everyItem(String value) {
        return not(hasItem(not(equalTo(value))));
    }
}
