package org.asylumcasetracker.integration.webhook;

import static org.asylumcasetracker.integration.webhook.Webhooks.PATH;
import static org.asylumcasetracker.integration.webhook.Webhooks.dispatchUntil;
import static org.asylumcasetracker.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.support.AllOrganizations;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries as a Standard Webhooks receiver sees them: every one verified by the official Java library
 * ({@code com.standardwebhooks.Webhook}), never by the service's own code; generated secrets shown once;
 * rotation with two signatures during the grace period; secrets encrypted in the database.
 */
@QuarkusTest
class StandardWebhooksTest {

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookSecretSealing sealing;

    @Inject
    EntityManager em;

    private WebhookReceiver receiver;
    private final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Organizations.ensureDemoTenants();
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void tearDown() {
        subscriptions.forEach(id -> Webhooks.unsubscribe(TestTokens.BOB, id));
        receiver.close();
    }

    @Test
    void aGeneratedSecretIsShownOnceAndTheOfficialLibraryVerifiesTheDelivery() {
        JsonPath created = as(TestTokens.BOB)
                .body(Map.of("url", receiver.url(), "events", List.of("CLIENT_CHANGED")))
                .post(PATH)
                .then()
                .statusCode(201)
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .extract()
                .jsonPath();
        String id = track(created.getString("id"));
        String secret = created.getString("secret");
        as(TestTokens.BOB).get(PATH + "/" + id).then().statusCode(200).body("secret", equalTo(null));
        as(TestTokens.BOB)
                .queryParam("size", 200)
                .get(PATH)
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(secret)));

        Mother.createClient(TestTokens.ALICE);
        dispatchUntil(dispatcher, () -> !receiver.received().isEmpty(), "the delivery");

        WebhookReceiver.Received delivery = receiver.received().get(0);
        assertTrue(delivery.signature().matches("v1,[A-Za-z0-9+/]{43}="), delivery.signature());
        Signatures.assertVerifies(delivery, secret);
    }

    @Test
    void theOfficialLibraryRejectsATamperedBodyATamperedIdAndAStaleTimestamp() {
        String secret = WebhookSecret.generate();
        track(as(TestTokens.BOB)
                .body(Map.of("url", receiver.url(), "secret", secret, "events", List.of("CLIENT_CHANGED")))
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        Mother.createClient(TestTokens.ALICE);
        dispatchUntil(dispatcher, () -> !receiver.received().isEmpty(), "the delivery");
        WebhookReceiver.Received d = receiver.received().get(0);

        assertNull(
                Signatures.refusal(secret, d.id(), d.timestamp(), d.signature(), d.body()),
                "the genuine delivery verifies");
        String tamperedBody = d.body().replace("\"created\":true", "\"created\":false");
        assertNotEquals(d.body(), tamperedBody);
        assertEquals(
                "No matching signature found",
                Signatures.refusal(secret, d.id(), d.timestamp(), d.signature(), tamperedBody));
        // the id is signed: a captured delivery cannot be replayed under a new id
        assertEquals(
                "No matching signature found",
                Signatures.refusal(secret, UUID.randomUUID().toString(), d.timestamp(), d.signature(), d.body()));
        String stale = Long.toString(Long.parseLong(d.timestamp()) - 600);
        assertEquals("Message timestamp too old", Signatures.refusal(secret, d.id(), stale, d.signature(), d.body()));
        assertEquals(
                "No matching signature found",
                Signatures.refusal(WebhookSecret.generate(), d.id(), d.timestamp(), d.signature(), d.body()),
                "another secret");
    }

    @Test
    void afterARotationBothSecretsVerifyDuringTheGracePeriodAndOnlyTheNewOneAfter() {
        String oldSecret = WebhookSecret.generate();
        String id = track(as(TestTokens.BOB)
                .body(Map.of("url", receiver.url(), "secret", oldSecret, "events", List.of("CLIENT_CHANGED")))
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));

        JsonPath rotated = as(TestTokens.BOB)
                .post(PATH + "/" + id + "/secret-rotation")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .body("previousSecretExpiresAt", notNullValue())
                .extract()
                .jsonPath();
        String newSecret = rotated.getString("secret");
        Instant graceEnds = Instant.parse(rotated.getString("previousSecretExpiresAt"));
        assertTrue(
                graceEnds.isAfter(Instant.now().plusSeconds(3000)),
                "the test profile's grace period is an hour: " + graceEnds);
        as(TestTokens.BOB)
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .body("secret", equalTo(null))
                .body("previousSecretExpiresAt", notNullValue());

        Mother.createClient(TestTokens.ALICE);
        dispatchUntil(dispatcher, () -> receiver.received().size() == 1, "the delivery in the grace period");
        WebhookReceiver.Received during = receiver.received().get(0);
        assertEquals(2, during.signature().split(" ").length, "two signatures: " + during.signature());
        Signatures.assertVerifies(during, newSecret);
        Signatures.assertVerifies(during, oldSecret);

        // the grace period ends (moved into the past rather than waited for)
        AllOrganizations.run(() -> em.createNativeQuery(
                        "update webhook_subscription set previous_secret_expires_at = now() - interval '1 second' where id = :id")
                .setParameter("id", UUID.fromString(id))
                .executeUpdate());
        Mother.createClient(TestTokens.ALICE);
        dispatchUntil(dispatcher, () -> receiver.received().size() == 2, "the delivery after the grace period");
        WebhookReceiver.Received after = receiver.received().get(1);
        assertEquals(1, after.signature().split(" ").length, after.signature());
        Signatures.assertVerifies(after, newSecret);
        assertEquals(
                "No matching signature found",
                Signatures.refusal(oldSecret, after.id(), after.timestamp(), after.signature(), after.body()));
    }

    @Test
    void rotationIsForTheSubscriptionsOrganizationOnly() {
        String id = track(as(TestTokens.BOB)
                .body(Map.of("url", receiver.url(), "events", List.of("ALERT_DUE")))
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        as(TestTokens.CAROL_SUPERVISOR)
                .post(PATH + "/" + id + "/secret-rotation")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(TestTokens.ALICE).post(PATH + "/" + id + "/secret-rotation").then().statusCode(403);
        as(TestTokens.BOB)
                .post(PATH + "/" + UUID.randomUUID() + "/secret-rotation")
                .then()
                .statusCode(404);
    }

    @Test
    void secretsAreEncryptedInTheDatabase() {
        String secret = WebhookSecret.generate();
        String id = track(as(TestTokens.BOB)
                .body(Map.of("url", receiver.url(), "secret", secret, "events", List.of("ALERT_DUE")))
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));

        Object[] row = AllOrganizations.call(() -> (Object[]) em.createNativeQuery(
                        "select secret, secret_key_id, secret_ciphertext from webhook_subscription where id = :id")
                .setParameter("id", UUID.fromString(id))
                .getSingleResult());
        assertNull(row[0], "no plain-text secret");
        assertEquals("test-not-secret", row[1]);
        String stored = (String) row[2];
        assertNotNull(stored);
        String key = secret.substring(WebhookSecret.PREFIX.length());
        assertFalse(stored.contains(key) || stored.contains(secret), "the stored value is not the secret");
    }

    @Test
    void aSecretStoredInPlainTextBeforeEncryptionIsSealedAtStartAndStillSigns() {
        String legacy = "legacy-plain-secret-0123456789";
        UUID id = UUID.randomUUID();
        AllOrganizations.run(() -> em.createNativeQuery("""
                insert into webhook_subscription (id, organization_id, url, secret, events, active, version,
                    created_at, created_by, updated_at, updated_by)
                values (:id, 'demo', :url, :secret, 'CLIENT_CHANGED', true, 0, now(), 'test', now(), 'test')""")
                .setParameter("id", id)
                .setParameter("url", receiver.url())
                .setParameter("secret", legacy)
                .executeUpdate());
        track(id.toString());

        assertTrue(sealing.sealAll() >= 1, "the start-up step seals it");

        Object[] row = AllOrganizations.call(() -> (Object[]) em.createNativeQuery(
                        "select secret, secret_key_id, secret_ciphertext from webhook_subscription where id = :id")
                .setParameter("id", id)
                .getSingleResult());
        assertNull(row[0], "the plain text is gone");
        assertEquals("test-not-secret", row[1]);
        assertFalse(((String) row[2]).contains(legacy));
        assertEquals(0, sealing.sealAll(), "nothing left to seal");

        Mother.createClient(TestTokens.ALICE);
        dispatchUntil(dispatcher, () -> !receiver.received().isEmpty(), "the delivery");
        // the receiver keeps its old secret: the key is its UTF-8 bytes, which is also whsec_ + their base64
        Signatures.assertVerifies(receiver.received().get(0), new Webhook(legacy.getBytes(StandardCharsets.UTF_8)));
        Signatures.assertVerifies(
                receiver.received().get(0), WebhookSecret.encode(legacy.getBytes(StandardCharsets.UTF_8)));
    }

    private String track(String id) {
        subscriptions.add(id);
        return id;
    }
}
