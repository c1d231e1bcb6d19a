package org.asylumcasetracker.casestatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.asylumcasetracker.casestatus.remote.UscisTokens;
import org.asylumcasetracker.support.AllOrganizations;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The weekly case status check against a local stub of the USCIS API: what an answer records (history,
 * suggestion, webhook), what a person's acceptance records, and how tokens, quotas, errors and unknown
 * receipt numbers are handled. Rounds are run by the test, as the scheduler would run them.
 */
@QuarkusTest
@TestProfile(CaseStatusCheckTest.WithUscisStub.class)
class CaseStatusCheckTest {

    /** The feature on, against the stub. */
    public static class WithUscisStub implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(UscisStub.class));
        }
    }

    private static final String NOTICE_SCHEDULED = "Fingerprint Appointment Was Scheduled";
    private static final Duration ROUND = Duration.ofSeconds(2);

    @Inject
    CaseStatusJob job;

    @Inject
    CaseStatusChecks checks;

    @Inject
    UscisTokens tokens;

    @Inject
    EntityManager em;

    @BeforeEach
    void setUp() {
        Organizations.ensureDemoTenants();
        UscisStub.server.resetAll();
        tokens.invalidate();
        UscisStub.tokens("token-1", 1800);
        freeQuota();
    }

    @AfterEach
    void tearDown() {
        freeQuota();
    }

    @Test
    void aStatusChangeBecomesASuggestionThatACaseWorkerAcceptsIntoAnEvent() {
        String subscription = as(TestTokens.BOB)
                .body(Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("CASE_STATUS_CHANGED")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try {
            // a filing whose receipt arrived: the person now waits for the biometrics notice
            String receipt = newReceiptNumber();
            String filingId = filingAwaitingNotice(receipt);
            // USCIS says the appointment was scheduled; the weekly round finds it
            UscisStub.status(receipt, NOTICE_SCHEDULED, daysAgo(2));
            onlyDue(receipt);
            CaseStatusJob.Round round = job.run(ROUND);
            assertEquals(1, round.changes());

            // the history shows the status as USCIS wrote it
            JsonPath status = as(TestTokens.ALICE)
                    .get("/api/v1/filings/" + filingId + "/case-status")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(receipt, status.getString("receipts[0].receiptNumber"));
            assertEquals("STATUS", status.getString("receipts[0].lastOutcome"));
            assertEquals(NOTICE_SCHEDULED, status.getString("receipts[0].current.statusText"));
            assertEquals(daysAgo(2), status.getString("receipts[0].current.modifiedOn"));
            assertEquals(1, status.getList("receipts[0].history").size());

            // the change is a suggestion, not an event: the filing has not moved
            JsonPath suggestions = as(TestTokens.ALICE)
                    .get("/api/v1/filings/" + filingId + "/suggestions")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(1, suggestions.getInt("total"));
            assertEquals("BIOMETRICS_NOTICE_SENT", suggestions.getString("items[0].kind"));
            assertEquals("BIOMETRICS_NOTICE_RECEIVED", suggestions.getString("items[0].proposedEvent.type"));
            assertEquals(daysAgo(2), suggestions.getString("items[0].proposedEvent.occurredOn"));
            assertEquals("OPEN", suggestions.getString("items[0].state"));
            String suggestionId = suggestions.getString("items[0].id");
            as(TestTokens.ALICE)
                    .get("/api/v1/filings/" + filingId)
                    .then()
                    .body("stage", equalToString("AWAITING_BIOMETRICS_NOTICE"));

            // the webhook announces the change with the suggestion
            List<String> payloads = deliveries(subscription);
            assertEquals(1, payloads.size());
            assertTrue(
                    payloads.get(0).contains(NOTICE_SCHEDULED)
                            && payloads.get(0).contains(suggestionId),
                    payloads.get(0));

            // accepting without the appointment the notice names: 400, nothing changes
            as(TestTokens.ALICE)
                    .body(Map.of())
                    .post(acceptance(filingId, suggestionId))
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors.field", hasItem("appointmentAt"));
            as(TestTokens.ALICE)
                    .get("/api/v1/filings/" + filingId + "/suggestions/" + suggestionId)
                    .then()
                    .statusCode(200)
                    .body("state", equalToString("OPEN"));

            // the case worker accepts with the notice in hand: the event is recorded as her
            Map<String, Object> notice = Map.of(
                    "appointmentAt",
                    OffsetDateTime.now().plusDays(10).withNano(0).toString(),
                    "location",
                    Mother.ASC_LOCATION,
                    "deliveredVia",
                    "MAIL");
            String idempotencyKey = "accept-" + suggestionId;
            JsonPath accepted = as(TestTokens.ALICE)
                    .header("Idempotency-Key", idempotencyKey)
                    .body(notice)
                    .post(acceptance(filingId, suggestionId))
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            assertEquals("ACCEPTED", accepted.getString("suggestion.state"));
            assertEquals("alice", accepted.getString("suggestion.decidedBy"));
            assertEquals("BIOMETRICS_NOTICE_RECEIVED", accepted.getString("recorded.event.type"));
            assertEquals("alice", accepted.getString("recorded.event.recordedBy"));
            assertEquals(daysAgo(2), accepted.getString("recorded.event.occurredOn"));
            assertEquals("BIOMETRICS_SCHEDULED", accepted.getString("recorded.stage"));
            assertEquals(accepted.getString("recorded.event.id"), accepted.getString("suggestion.eventId"));
            as(TestTokens.ALICE)
                    .get("/api/v1/filings/" + filingId + "/events")
                    .then()
                    .statusCode(200)
                    .body("items.type", hasItem("BIOMETRICS_NOTICE_RECEIVED"));

            // the same request again (a retry after a lost answer) replays the answer; no second event
            as(TestTokens.ALICE)
                    .header("Idempotency-Key", idempotencyKey)
                    .body(notice)
                    .post(acceptance(filingId, suggestionId))
                    .then()
                    .statusCode(201)
                    .body("recorded.event.id", equalToString(accepted.getString("recorded.event.id")));
            as(TestTokens.ALICE)
                    .get("/api/v1/filings/" + filingId + "/events")
                    .then()
                    .body("total", equalToInt(2));

            // a decided suggestion cannot be decided again
            as(TestTokens.ALICE)
                    .body(Map.of())
                    .post(acceptance(filingId, suggestionId))
                    .then()
                    .statusCode(409);
            as(TestTokens.BOB).post(dismissal(filingId, suggestionId)).then().statusCode(409);
        } finally {
            as(TestTokens.BOB).delete("/api/v1/webhooks/" + subscription);
        }
    }

    @Test
    void theSameStatusAgainAddsNothingAndAnUnknownTextIsKeptAsItIs() {
        String receipt = newReceiptNumber();
        String filingId = filingAwaitingNotice(receipt);
        String unknown = "Case Was Transferred And A New Office Has Jurisdiction";
        UscisStub.status(receipt, unknown, daysAgo(3));
        onlyDue(receipt);
        assertEquals(1, job.run(ROUND).changes());
        UscisStub.status(receipt, "case was  transferred and a new office has jurisdiction", daysAgo(3));
        onlyDue(receipt);
        CaseStatusJob.Round again = job.run(ROUND);
        assertEquals(1, again.statuses());
        assertEquals(0, again.changes());

        JsonPath status = as(TestTokens.INTEGRATION)
                .get("/api/v1/filings/" + filingId + "/case-status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, status.getList("receipts[0].history").size());
        assertEquals(unknown, status.getString("receipts[0].current.statusText"));
        as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filingId + "/suggestions")
                .then()
                .statusCode(200)
                .body("total", equalToInt(0));
    }

    @Test
    void anUnknownReceiptNumberIsCheckedAgainNextWeekWithNothingRecorded() {
        String receipt = newReceiptNumber();
        String filingId = filingAwaitingNotice(receipt);
        UscisStub.error(receipt, 404, "RECEIPT_NOT_FOUND");
        onlyDue(receipt);
        assertEquals(1, job.run(ROUND).notFound());

        JsonPath status = as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filingId + "/case-status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("RECEIPT_NOT_FOUND", status.getString("receipts[0].lastOutcome"));
        assertEquals(0, status.getList("receipts[0].history").size());
        Instant next = OffsetDateTime.parse(status.getString("receipts[0].nextCheckAt"))
                .toInstant();
        assertTrue(next.isAfter(Instant.now().plus(Duration.ofDays(6))), "next check " + next);
    }

    @Test
    void serverErrorsAndMalformedAnswersAreRetriedLaterWithNothingRecorded() {
        String failing = newReceiptNumber();
        String failingFiling = filingAwaitingNotice(failing);
        String malformed = newReceiptNumber();
        String malformedFiling = filingAwaitingNotice(malformed);
        UscisStub.error(failing, 503, "SERVICE_UNAVAILABLE");
        UscisStub.answer(
                malformed,
                null,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Query was successful\",\"case_status\":{\"receiptNumber\":\""
                                + malformed + "\"}}"));
        onlyDue(failing, malformed);
        assertEquals(2, job.run(ROUND).failed());

        for (String[] expected :
                new String[][] {{failingFiling, "UNAVAILABLE"}, {malformedFiling, "MALFORMED_RESPONSE"}}) {
            JsonPath status = as(TestTokens.ALICE)
                    .get("/api/v1/filings/" + expected[0] + "/case-status")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(expected[1], status.getString("receipts[0].lastOutcome"));
            assertEquals(0, status.getList("receipts[0].history").size());
            Instant next = OffsetDateTime.parse(status.getString("receipts[0].nextCheckAt"))
                    .toInstant();
            assertTrue(
                    next.isAfter(Instant.now().plusSeconds(50))
                            && next.isBefore(Instant.now().plus(Duration.ofHours(1))),
                    "retried after the backoff, not next week: " + next);
            as(TestTokens.ALICE)
                    .get("/api/v1/filings/" + expected[0] + "/suggestions")
                    .then()
                    .body("total", equalToInt(0));
        }

        // once USCIS answers again, the retry records the status
        UscisStub.status(failing, NOTICE_SCHEDULED, daysAgo(1));
        onlyDue(failing);
        assertEquals(1, job.run(ROUND).changes());
    }

    @Test
    void aRateLimitStopsEveryCallUntilItsRetryAfterHasPassed() {
        String first = newReceiptNumber();
        String second = newReceiptNumber();
        filingAwaitingNotice(first);
        String secondFiling = filingAwaitingNotice(second);
        UscisStub.answer(
                first,
                null,
                aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "120")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"code\":\"RATE_LIMIT_EXCEEDED\",\"message\":\"quota\"}]}"));
        UscisStub.answer(second, null, aResponse().withStatus(429).withHeader("Retry-After", "120"));
        onlyDue(first, second);
        Instant before = Instant.now();

        CaseStatusJob.Round limited = job.run(ROUND);
        assertTrue(limited.rateLimited());
        assertEquals(
                1,
                UscisStub.server
                        .findAll(getRequestedFor(
                                com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/case-status/.*")))
                        .size(),
                "the round stopped at the 429");
        Instant nextSlot = CaseStatusChecks.toInstant(
                AllOrganizations.call(() -> em.createNativeQuery("select next_slot_at from case_status_quota")
                        .getSingleResult()));
        assertTrue(!nextSlot.isBefore(before.plusSeconds(119)), "no call before the Retry-After: " + nextSlot);

        // everything is due again, but a round now calls nobody
        AllOrganizations.run(() -> em.createNativeQuery(
                        "update case_status_check set next_check_at = now() - interval '1 second' where receipt_number in (:a, :b)")
                .setParameter("a", first)
                .setParameter("b", second)
                .executeUpdate());
        assertEquals(0, job.run(ROUND).planned());
        assertEquals(
                1,
                UscisStub.server
                        .findAll(getRequestedFor(
                                com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/case-status/.*")))
                        .size());
        JsonPath status = as(TestTokens.ALICE)
                .get("/api/v1/filings/" + secondFiling + "/case-status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(0, status.getList("receipts[0].history").size());
    }

    @Test
    void anExpiredTokenIsReplacedBeforeTheNextCall() throws InterruptedException {
        UscisStub.server.resetAll();
        UscisStub.tokens("token-1", 1, "token-2", 1800);
        String receipt = newReceiptNumber();
        filingAwaitingNotice(receipt);
        UscisStub.status(receipt, NOTICE_SCHEDULED, daysAgo(2));
        onlyDue(receipt);
        job.run(ROUND);
        Thread.sleep(2_500); // token-1 was valid for one second (expiry is kept in whole seconds)
        onlyDue(receipt);
        job.run(ROUND);

        UscisStub.server.verify(
                1,
                getRequestedFor(urlEqualTo("/case-status/" + receipt))
                        .withHeader("Authorization", equalTo("Bearer token-1")));
        UscisStub.server.verify(
                1,
                getRequestedFor(urlEqualTo("/case-status/" + receipt))
                        .withHeader("Authorization", equalTo("Bearer token-2")));
        UscisStub.server.verify(2, postRequestedFor(urlEqualTo("/oauth/accesstoken")));
    }

    @Test
    void aTokenTheApiRefusesIsReplacedAndTheCallRepeatedOnce() {
        UscisStub.server.resetAll();
        UscisStub.tokens("token-revoked", 1800, "token-fresh", 1800);
        String receipt = newReceiptNumber();
        String filingId = filingAwaitingNotice(receipt);
        UscisStub.answer(
                receipt,
                "token-revoked",
                aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"Invalid or expired access token\"}]}"));
        UscisStub.answer(
                receipt,
                "token-fresh",
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(UscisStub.statusBody(receipt, NOTICE_SCHEDULED, daysAgo(2))));
        onlyDue(receipt);

        assertEquals(1, job.run(ROUND).changes());
        UscisStub.server.verify(2, postRequestedFor(urlEqualTo("/oauth/accesstoken")));
        as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filingId + "/case-status")
                .then()
                .body("receipts[0].current.statusText", equalToString(NOTICE_SCHEDULED));
    }

    @Test
    void acceptingASuggestionWhoseEventIsNoLongerAllowedIsAConflictAndChangesNothing() {
        String receipt = newReceiptNumber();
        String filingId = filingAwaitingNotice(receipt);
        String suggestionId = suggestion(filingId, receipt, NOTICE_SCHEDULED);
        // the notice was recorded by hand meanwhile
        as(TestTokens.ALICE)
                .body(event(
                        "BIOMETRICS_NOTICE_RECEIVED",
                        daysAgo(1),
                        "appointmentAt",
                        OffsetDateTime.now().plusDays(9).withNano(0).toString(),
                        "location",
                        Mother.ASC_LOCATION))
                .post("/api/v1/filings/" + filingId + "/events")
                .then()
                .statusCode(201);

        as(TestTokens.ALICE)
                .body(Map.of(
                        "appointmentAt",
                        OffsetDateTime.now().plusDays(9).withNano(0).toString(),
                        "location",
                        Mother.ASC_LOCATION))
                .post(acceptance(filingId, suggestionId))
                .then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("allowedEvents", hasItem("RESCHEDULE_REQUESTED"));
        as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filingId + "/suggestions/" + suggestionId)
                .then()
                .body("state", equalToString("OPEN"));
        as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filingId + "/events")
                .then()
                .body("total", equalToInt(2));

        // it can be dismissed instead
        as(TestTokens.ALICE)
                .post(dismissal(filingId, suggestionId))
                .then()
                .statusCode(200)
                .body("state", equalToString("DISMISSED"))
                .body("decidedBy", equalToString("alice"));
    }

    @Test
    void aNoticeThatNeverArrivedIsLoggedAsSentButNotReceived() {
        String receipt = newReceiptNumber();
        String filingId = filingAwaitingNotice(receipt);
        String suggestionId = suggestion(filingId, receipt, NOTICE_SCHEDULED);

        as(TestTokens.BOB)
                .body(Map.of("resolution", "NOTICE_SENT_NOT_RECEIVED"))
                .post(acceptance(filingId, suggestionId))
                .then()
                .statusCode(201)
                .body("recorded.event.type", equalToString("CONTACT_LOGGED"))
                .body("recorded.event.note", containsString("has not arrived"))
                .body("recorded.stage", equalToString("AWAITING_BIOMETRICS_NOTICE"));
    }

    @Test
    void otherOrganizationsAndOtherRolesCannotSeeOrDecide() {
        String receipt = newReceiptNumber();
        String filingId = filingAwaitingNotice(receipt);
        String suggestionId = suggestion(filingId, receipt, NOTICE_SCHEDULED);

        as(TestTokens.CAROL)
                .get("/api/v1/filings/" + filingId + "/case-status")
                .then()
                .statusCode(404);
        as(TestTokens.CAROL)
                .get("/api/v1/filings/" + filingId + "/suggestions")
                .then()
                .statusCode(404);
        as(TestTokens.CAROL)
                .get("/api/v1/filings/" + filingId + "/suggestions/" + suggestionId)
                .then()
                .statusCode(404);
        as(TestTokens.CAROL_SUPERVISOR)
                .post(dismissal(filingId, suggestionId))
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
        as(TestTokens.CAROL)
                .body(Map.of())
                .post(acceptance(filingId, suggestionId))
                .then()
                .statusCode(404);
        as(TestTokens.DANA)
                .get("/api/v1/filings/" + filingId + "/suggestions")
                .then()
                .statusCode(403);
        as(TestTokens.INTEGRATION)
                .get("/api/v1/filings/" + filingId + "/suggestions")
                .then()
                .statusCode(200);
        as(TestTokens.INTEGRATION)
                .body(Map.of())
                .post(acceptance(filingId, suggestionId))
                .then()
                .statusCode(403);
        io.restassured.RestAssured.given()
                .get("/api/v1/filings/" + filingId + "/case-status")
                .then()
                .statusCode(401);

        as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filingId + "/suggestions/" + suggestionId)
                .then()
                .statusCode(200)
                .body("state", equalToString("OPEN"));
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String receipt = newReceiptNumber();
        String filingId = filingAwaitingNotice(receipt);
        String suggestionId = suggestion(filingId, receipt, NOTICE_SCHEDULED);

        as(TestTokens.ALICE)
                .body("{\"appointmentAt\":\"next tuesday\",\"location\":\"ASC\"}")
                .post(acceptance(filingId, suggestionId))
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as(TestTokens.ALICE)
                .body(Map.of("resolution", "MAYBE"))
                .post(acceptance(filingId, suggestionId))
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as(TestTokens.ALICE)
                .body(Map.of(
                        "location",
                        "x".repeat(301),
                        "appointmentAt",
                        OffsetDateTime.now().plusDays(9).withNano(0).toString()))
                .post(acceptance(filingId, suggestionId))
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as(TestTokens.ALICE)
                .queryParam("state", "PENDING")
                .get("/api/v1/filings/" + filingId + "/suggestions")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filingId + "/suggestions/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filingId + "/suggestions/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));

        as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filingId + "/suggestions/" + suggestionId)
                .then()
                .statusCode(200)
                .body("state", equalToString("OPEN"));
        as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filingId + "/events")
                .then()
                .body("total", equalToInt(1));
    }

    @Test
    void aClosedFilingsReceiptNumberIsNoLongerChecked() {
        String receipt = newReceiptNumber();
        String filingId = filingAwaitingNotice(receipt);
        onlyDue(receipt);
        as(TestTokens.ALICE)
                .body(event("CLOSED", daysAgo(0), "outcome", "WITHDRAWN"))
                .post("/api/v1/filings/" + filingId + "/events")
                .then()
                .statusCode(201);
        checks.synchronize(Instant.now());

        assertEquals(0, job.run(ROUND).planned());
        JsonPath status = as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filingId + "/case-status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(0, status.getList("receipts").size());
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** A USCIS mail filing whose receipt arrived with {@code receipt}: waiting for the biometrics notice. */
    private static String filingAwaitingNotice(String receipt) {
        String clientId = Mother.createClient(TestTokens.ALICE);
        String filingId = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(clientId, "MAIL", 40));
        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(20), "receiptNumber", receipt))
                .post("/api/v1/filings/" + filingId + "/events")
                .then()
                .statusCode(201);
        return filingId;
    }

    /** Reports {@code statusText} for the receipt number in a round and returns the suggestion it made. */
    private String suggestion(String filingId, String receipt, String statusText) {
        UscisStub.status(receipt, statusText, daysAgo(2));
        onlyDue(receipt);
        assertEquals(1, job.run(ROUND).changes());
        return as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filingId + "/suggestions")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
    }

    /** Brings the queue in line with the filings, then makes only these receipt numbers due. */
    private void onlyDue(String... receipts) {
        checks.synchronize(Instant.now());
        AllOrganizations.run(() -> {
            em.createNativeQuery("update case_status_check set next_check_at = now() + interval '30 days'")
                    .executeUpdate();
            em.createNativeQuery("update case_status_check set next_check_at = now() - interval '1 second'"
                            + " where receipt_number in (:receipts)")
                    .setParameter("receipts", List.of(receipts))
                    .executeUpdate();
        });
    }

    private void freeQuota() {
        AllOrganizations.run(() -> em.createNativeQuery(
                        "update case_status_quota set next_slot_at = timestamptz '1970-01-01T00:00:00Z'")
                .executeUpdate());
    }

    private List<String> deliveries(String subscriptionId) {
        return AllOrganizations.call(() -> em
                .createNativeQuery(
                        "select payload from webhook_delivery where subscription_id = :s and event_type = 'CASE_STATUS_CHANGED'")
                .setParameter("s", java.util.UUID.fromString(subscriptionId))
                .getResultList()
                .stream()
                .map(String.class::cast)
                .toList());
    }

    private static String newReceiptNumber() {
        return "IOE" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    private static String acceptance(String filingId, String suggestionId) {
        return "/api/v1/filings/" + filingId + "/suggestions/" + suggestionId + "/acceptance";
    }

    private static String dismissal(String filingId, String suggestionId) {
        return "/api/v1/filings/" + filingId + "/suggestions/" + suggestionId + "/dismissal";
    }

    private static org.hamcrest.Matcher<Object> equalToString(String value) {
        return org.hamcrest.Matchers.equalTo(value);
    }

    private static org.hamcrest.Matcher<Object> equalToInt(int value) {
        return org.hamcrest.Matchers.equalTo(value);
    }
}
