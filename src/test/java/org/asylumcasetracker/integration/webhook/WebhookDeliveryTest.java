package org.asylumcasetracker.integration.webhook;

import static org.asylumcasetracker.integration.webhook.Webhooks.SECRET;
import static org.asylumcasetracker.integration.webhook.Webhooks.deliveries;
import static org.asylumcasetracker.integration.webhook.Webhooks.dispatchUntil;
import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Mother.event;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.asylumcasetracker.support.AllOrganizations;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries end to end against a real HTTP receiver: what is written in the transaction of a change, how
 * it is signed, retried and given up, and that a slow or dead receiver never holds up the API.
 */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookDeliveryRepository deliveryRepository;

    private WebhookReceiver receiver;
    private final List<String[]> subscriptions = new ArrayList<>();

    @Inject
    EntityManager em;

    /**
     * Earlier tests may leave deliveries pending to receivers that are gone; were one of their ports handed to this
     * test's receiver, a dispatch round would deliver them to it. They are cancelled, so that it hears only its own.
     */
    @BeforeEach
    void setUp() throws Exception {
        Organizations.ensureDemoTenants();
        AllOrganizations.cancelPendingDeliveries(em);
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void tearDown() {
        subscriptions.forEach(s -> Webhooks.unsubscribe(s[0], s[1]));
        receiver.close();
    }

    @Test
    void stageChangesAreDeliveredSignedWithIdsOnly() {
        String subscription = subscribe(TestTokens.BOB, receiver.url(), "FILING_STAGE_CHANGED");
        String client = Mother.createClient(TestTokens.ALICE);
        String filing = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(client, "MAIL", 40));
        String receipt = as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(2), "receiptNumber", Mother.RECEIPT_NUMBER))
                .post("/api/v1/filings/{id}/events", filing)
                .then()
                .statusCode(201)
                .extract()
                .path("event.id");
        as(TestTokens.BOB)
                .post("/api/v1/filings/{id}/events/{event}/retraction", filing, receipt)
                .then()
                .statusCode(200);
        // neither a contact nor a change of the client moves the stage: nothing for this subscription
        as(TestTokens.ALICE)
                .body(event("CONTACT_LOGGED", daysAgo(1), "channel", "USCIS_CONTACT_CENTER"))
                .post("/api/v1/filings/{id}/events", filing)
                .then()
                .statusCode(201);
        as(TestTokens.ALICE)
                .body(Map.of("preferredLanguage", "fr"))
                .patch("/api/v1/clients/" + client)
                .then()
                .statusCode(200);

        dispatchUntil(dispatcher, () -> receiver.received().size() >= 3, "three stage changes delivered");

        List<WebhookReceiver.Received> received = receiver.received();
        assertEquals(3, received.size());
        received.forEach(r -> Signatures.assertVerifies(r, SECRET));
        received.forEach(r -> assertEquals("FILING_STAGE_CHANGED", r.event()));
        received.forEach(r -> assertTrue(r.contentType().startsWith("application/json"), r.contentType()));
        for (WebhookReceiver.Received r : received) {
            JsonPath json = r.json();
            assertEquals("FILING_STAGE_CHANGED", json.getString("type"));
            assertEquals("demo", json.getString("organizationId"));
            assertNotNull(json.getString("occurredAt"));
            assertEquals(filing, json.getString("data.filingId"));
            assertEquals(client, json.getString("data.clientId"));
            assertFalse(
                    r.body().contains(Mother.FIRST_NAME)
                            || r.body().contains("A012345678")
                            || r.body().contains("amina@example.org")
                            || r.body().contains(Mother.RECEIPT_NUMBER),
                    "ids only, no personal data: " + r.body());
        }
        Map<String, JsonPath> byStageAfter = new ConcurrentHashMap<>();
        received.forEach(r -> byStageAfter.put(
                r.json().getString("data.stageBefore") + ">" + r.json().getString("data.stageAfter"), r.json()));
        JsonPath opened = byStageAfter.get("null>AWAITING_RECEIPT");
        JsonPath moved = byStageAfter.get("AWAITING_RECEIPT>AWAITING_BIOMETRICS_NOTICE");
        JsonPath movedBack = byStageAfter.get("AWAITING_BIOMETRICS_NOTICE>AWAITING_RECEIPT");
        assertNotNull(opened, byStageAfter.keySet().toString());
        assertNull(opened.get("data.eventId"));
        assertEquals(receipt, moved.getString("data.eventId"));
        assertEquals(receipt, movedBack.getString("data.eventId"));
        assertTrue(movedBack.getLong("data.version") > moved.getLong("data.version"));

        JsonPath log = deliveries(TestTokens.BOB, subscription);
        assertEquals(3, log.getInt("total"), "exactly one delivery per stage change");
        assertEquals(List.of("DELIVERED", "DELIVERED", "DELIVERED"), log.getList("items.status"));
        assertEquals(List.of(1, 1, 1), log.getList("items.attempts"));
        assertEquals(List.of(204, 204, 204), log.getList("items.lastStatusCode"));
        assertTrue(log.getList("items.deliveredAt").stream().allMatch(t -> t != null));
        assertTrue(log.getList("items.id")
                .containsAll(received.stream().map(WebhookReceiver.Received::id).toList()));
    }

    @Test
    void clientChangesAreDeliveredToTheirSubscribersOnly() {
        String clients = subscribe(TestTokens.INTEGRATION, receiver.url(), "CLIENT_CHANGED");
        String alerts = subscribe(TestTokens.BOB, receiver.url(), "ALERT_DUE");
        String client = Mother.createClient(TestTokens.ALICE);
        as(TestTokens.ALICE)
                .body(Map.of("phone", "+1 973 555 0199"))
                .patch("/api/v1/clients/" + client)
                .then()
                .statusCode(200);
        Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(client, "ONLINE", 10));

        dispatchUntil(dispatcher, () -> receiver.received().size() >= 2, "two client changes delivered");

        List<JsonPath> payloads =
                receiver.received().stream().map(WebhookReceiver.Received::json).toList();
        assertEquals(
                List.of("CLIENT_CHANGED", "CLIENT_CHANGED"),
                payloads.stream().map(p -> p.getString("type")).toList());
        assertTrue(payloads.stream().allMatch(p -> client.equals(p.getString("data.clientId"))));
        assertEquals(
                Set.of(true, false),
                payloads.stream().map(p -> p.getBoolean("data.created")).collect(Collectors.toSet()),
                "one for the new client, one for the change");
        assertEquals(2, deliveries(TestTokens.INTEGRATION, clients).getInt("total"));
        assertEquals(0, deliveries(TestTokens.BOB, alerts).getInt("total"));
    }

    @Test
    void anotherOrganizationsSubscriptionHearsNothingOfDemosChanges() {
        String other = subscribe(
                TestTokens.CAROL_SUPERVISOR, receiver.url(), "FILING_STAGE_CHANGED", "CLIENT_CHANGED", "ALERT_DUE");
        String demo = subscribe(TestTokens.BOB, receiver.url(), "CLIENT_CHANGED");
        String client = Mother.createClient(TestTokens.ALICE);
        Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(client, "MAIL", 5));

        dispatchUntil(
                dispatcher,
                () -> deliveries(TestTokens.BOB, demo).getInt("total") == 1
                        && "DELIVERED".equals(deliveries(TestTokens.BOB, demo).getString("items[0].status")),
                "demo's delivery");

        assertEquals(0, deliveries(TestTokens.CAROL_SUPERVISOR, other).getInt("total"));
        assertTrue(receiver.received().stream()
                .allMatch(r -> "demo".equals(r.json().getString("organizationId"))));
        assertEquals(1, receiver.received().size());
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheDeliveryOnTheThirdAttempt() {
        AtomicInteger calls = new AtomicInteger();
        receiver.respondWith(r -> calls.incrementAndGet() <= 2 ? 500 : 200);
        String subscription = subscribe(TestTokens.BOB, receiver.url(), "CLIENT_CHANGED");
        Mother.createClient(TestTokens.ALICE);

        dispatchUntil(
                dispatcher,
                () -> "DELIVERED"
                        .equals(deliveries(TestTokens.BOB, subscription).getString("items[0].status")),
                "delivered after two failures");

        JsonPath log = deliveries(TestTokens.BOB, subscription);
        assertEquals(1, log.getInt("total"));
        assertEquals(3, log.getInt("items[0].attempts"));
        assertEquals(200, log.getInt("items[0].lastStatusCode"));
        assertNull(log.get("items[0].lastError"));
        assertNotNull(log.get("items[0].deliveredAt"));
        List<WebhookReceiver.Received> received = receiver.received();
        assertEquals(3, received.size());
        assertEquals(
                1,
                received.stream().map(WebhookReceiver.Received::id).distinct().count(),
                "every retry has the same id");
        received.forEach(r -> Signatures.assertVerifies(r, SECRET));
    }

    @Test
    void aDeliveryToADeadReceiverIsRetriedWithGrowingWaitsThenGivenUp() throws Exception {
        String subscription = subscribe(TestTokens.BOB, WebhookReceiver.closedPortUrl(), "CLIENT_CHANGED");
        Mother.createClient(TestTokens.ALICE);

        List<Integer> attemptsSeen = new ArrayList<>();
        dispatchUntil(
                dispatcher,
                () -> {
                    JsonPath log = deliveries(TestTokens.BOB, subscription);
                    int attempts = log.getInt("items[0].attempts");
                    if (attemptsSeen.isEmpty() || attemptsSeen.get(attemptsSeen.size() - 1) != attempts) {
                        attemptsSeen.add(attempts);
                    }
                    return "FAILED".equals(log.getString("items[0].status"));
                },
                "the delivery to be given up");

        JsonPath log = deliveries(TestTokens.BOB, subscription);
        assertEquals(4, log.getInt("items[0].attempts"), "max-attempts is 4 in the tests");
        assertNull(log.get("items[0].lastStatusCode"));
        assertEquals(WebhookSender.UNREACHABLE, log.getString("items[0].lastError"));
        assertNull(log.get("items[0].nextAttemptAt"));
        assertNull(log.get("items[0].deliveredAt"));
        assertTrue(
                attemptsSeen.contains(1) && attemptsSeen.contains(2) && attemptsSeen.contains(3),
                attemptsSeen.toString());

        UUID id = UUID.fromString(log.getString("items[0].id"));
        AllOrganizations.run(() -> {
            WebhookDelivery failed = deliveryRepository.findById(id);
            // the waits doubled: 0.2 s, 0.4 s, 0.8 s in the tests, so the first and last attempt are over a second
            // apart
            assertTrue(
                    failed.getLastAttemptAt().isAfter(failed.getCreatedAt().plusNanos(1_000_000_000L)),
                    failed.getCreatedAt() + " .. " + failed.getLastAttemptAt());
        });
    }

    @Test
    void aHangingReceiverDoesNotHoldUpTheApi() throws Exception {
        receiver.holdRequests();
        subscribe(TestTokens.BOB, receiver.url(), "CLIENT_CHANGED");
        Mother.createClient(TestTokens.ALICE);
        CompletableFuture<Integer> dispatching = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
        await("the receiver holds a delivery")
                .atMost(Webhooks.PATIENCE)
                .pollInterval(Webhooks.POLL)
                .until(() -> receiver.held() > 0);
        assertEquals(1, receiver.held(), "the receiver holds the delivery without answering");

        // While the receiver still holds the request, writes and reads go through, and add to the outbox.
        for (int i = 0; i < 5; i++) {
            Mother.createClient(TestTokens.ALICE);
        }
        as(TestTokens.BOB).get("/api/v1/webhooks").then().statusCode(200);
        assertEquals(1, receiver.held(), "the receiver was still holding the request while the API answered");

        receiver.release();
        dispatching.get(30, TimeUnit.SECONDS);
    }

    @Test
    void deletingASubscriptionCancelsWhatItHasNotBeenSent() {
        String subscription = Webhooks.subscribe(TestTokens.BOB, receiver.url(), "CLIENT_CHANGED");
        Mother.createClient(TestTokens.ALICE);
        String delivery = deliveries(TestTokens.BOB, subscription).getString("items[0].id");
        as(TestTokens.BOB).delete("/api/v1/webhooks/" + subscription).then().statusCode(204);

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertEquals(0, receiver.countOf(delivery));
        AllOrganizations.run(() -> assertEquals(
                DeliveryStatus.CANCELLED,
                deliveryRepository.findById(UUID.fromString(delivery)).getStatus()));
    }

    private String subscribe(String token, String url, String... events) {
        String id = Webhooks.subscribe(token, url, events);
        subscriptions.add(new String[] {token, id});
        return id;
    }
}
