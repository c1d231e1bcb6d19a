package org.asylumcasetracker.platform.idempotency;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.asylumcasetracker.support.AllOrganizations;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries of a POST with the same Idempotency-Key write once and answer the same. */
@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    EntityManager em;

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void aRetryReplaysTheFirstResponseWithoutASecondWrite() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Mother.client();
        Response first = as(TestTokens.INTEGRATION)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/clients");
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response retry = as(TestTokens.INTEGRATION)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/clients");
        retry.then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("ETag", equalTo(first.header("ETag")))
                .body("id", equalTo(first.path("id")));
        assertEquals(first.header("Location"), retry.header("Location"));
        as(TestTokens.INTEGRATION)
                .queryParam("q", body.get("lastName"))
                .get("/api/v1/clients")
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void aKeyNoRequestCouldUseIsRefusedAlsoWhereRequestsAreNotReplayed() {
        // a secret rotation is never replayed; the overlong key is refused before the subscription is looked up
        as(TestTokens.BOB)
                .header("Idempotency-Key", "k".repeat(256))
                .post("/api/v1/webhooks/" + UUID.randomUUID() + "/secret-rotation")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        as(TestTokens.ALICE)
                .header("Idempotency-Key", key)
                .body(Mother.client())
                .post("/api/v1/clients")
                .then()
                .statusCode(201);
        as(TestTokens.ALICE)
                .header("Idempotency-Key", key)
                .body(Mother.client())
                .post("/api/v1/clients")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void keysBelongToOneOrganization() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Mother.client();
        String demo = as(TestTokens.ALICE)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String other = as(TestTokens.CAROL)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .extract()
                .path("id");
        assertEquals(false, demo.equals(other));
    }

    @Test
    void keysBelongToOneCallerSoNobodyCanClaimAnothersKeysInAdvance() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Mother.client();
        String amy = TestTokens.token("amy", "caseworker", "demo");
        String squatted = as(amy).header("Idempotency-Key", key)
                .body(Mother.client())
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String own = as(TestTokens.INTEGRATION)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .extract()
                .path("id");
        assertNotEquals(squatted, own);
        as(TestTokens.INTEGRATION)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(own));
    }

    @Test
    void theStoredRecordHoldsNoPersonalDataOrKeyInClearYetReplaysExactly() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Mother.client();
        String first = as(TestTokens.ALICE)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        Object[] row = AllOrganizations.call(() -> (Object[]) em.createNativeQuery(
                        "select scope, key, request_hash, operation, body, location, etag from idempotency_key where key = ?1")
                .setParameter(1, recordKey("demo", "alice", key))
                .getSingleResult());
        String stored = java.util.Arrays.toString(row);
        for (Object personal : List.of(body.get("firstName"), body.get("lastName"), body.get("aNumber"), key)) {
            assertFalse(stored.contains(String.valueOf(personal)), "stored in clear: " + personal);
        }
        String replayed = as(TestTokens.ALICE)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .extract()
                .asString();
        assertEquals(first, replayed);
    }

    /** The record key of a test token's caller: test tokens' subjects are name-based UUIDs of the username. */
    private static String recordKey(String organization, String username, String key) {
        String subject = UUID.nameUUIDFromBytes(username.getBytes()).toString();
        return new IdempotencySeal(organization, subject, key).recordKey();
    }

    @Test
    void aFailedRequestIsNotRememberedSoItsRetryRuns() {
        String key = UUID.randomUUID().toString();
        String client = Mother.createClient(TestTokens.ALICE);
        String filing = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(client, "MAIL", 30));
        Map<String, Object> receipt = event("RECEIPT_RECEIVED", daysAgo(1), "receiptNumber", Mother.RECEIPT_NUMBER);
        as(TestTokens.ALICE)
                .header("Idempotency-Key", key)
                .header("If-Match", "\"9\"")
                .body(receipt)
                .post("/api/v1/filings/{id}/events", filing)
                .then()
                .statusCode(412);
        as(TestTokens.ALICE)
                .header("Idempotency-Key", key)
                .header("If-Match", "\"0\"")
                .body(receipt)
                .post("/api/v1/filings/{id}/events", filing)
                .then()
                .statusCode(201);
    }

    @Test
    void anExpiredKeyCanBeUsedAgain() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Mother.client();
        String first = as(TestTokens.ALICE)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        AllOrganizations.run(() -> em.createNativeQuery(
                        "update idempotency_key set expires_at = now() - interval '1 minute' where key = ?1")
                .setParameter(1, recordKey("demo", "alice", key))
                .executeUpdate());
        String second = as(TestTokens.ALICE)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .extract()
                .path("id");
        assertEquals(false, first.equals(second));
    }

    @Test
    void tenParallelRetriesOfOneKeyWriteOneRow() throws Exception {
        String key = UUID.randomUUID().toString();
        String client = Mother.createClient(TestTokens.INTEGRATION);
        String filing = Mother.createFiling(TestTokens.INTEGRATION, Mother.uscisFiling(client, "MAIL", 30));
        Map<String, Object> contact = event("CONTACT_LOGGED", daysAgo(1), "channel", "USCIS_CONTACT_CENTER");
        int threads = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return as(TestTokens.INTEGRATION)
                        .header("Idempotency-Key", key)
                        .body(contact)
                        .post("/api/v1/filings/{id}/events", filing);
            }));
        }
        start.countDown();
        Set<String> eventIds = new HashSet<>();
        for (Future<Response> f : futures) {
            Response response = f.get();
            assertEquals(201, response.statusCode(), response.asString());
            eventIds.add(response.path("event.id"));
        }
        pool.shutdown();
        assertEquals(1, eventIds.size(), "every retry answers with the same event");
        as(TestTokens.INTEGRATION)
                .get("/api/v1/filings/{id}/events", filing)
                .then()
                .body("total", equalTo(1));
    }
}
