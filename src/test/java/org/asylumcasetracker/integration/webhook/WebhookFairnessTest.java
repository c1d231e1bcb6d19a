package org.asylumcasetracker.integration.webhook;

import static org.asylumcasetracker.integration.webhook.Webhooks.PATH;
import static org.asylumcasetracker.integration.webhook.Webhooks.deliveries;
import static org.asylumcasetracker.integration.webhook.Webhooks.dispatchUntil;
import static org.asylumcasetracker.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One clinic's webhooks cannot crowd out another's: a cap on subscriptions, dispatch that takes
 * organizations in turn, and a circuit breaker that pauses a receiver that keeps failing.
 */
@QuarkusTest
class WebhookFairnessTest {

    @Inject
    WebhookDispatcher dispatcher;

    private WebhookReceiver receiver;
    private final List<String[]> subscriptions = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Organizations.ensureDemoTenants();
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void tearDown() {
        subscriptions.forEach(s -> Webhooks.unsubscribe(s[0], s[1]));
        receiver.close();
    }

    @Test
    void anOrganizationHasAtMostTwentySubscriptions() {
        String supervisor = supervisorOf(newClinic());
        for (int i = 0; i < 20; i++) {
            subscribe(supervisor, receiver.url());
        }
        as(supervisor)
                .body(Webhooks.body(receiver.url(), "CLIENT_CHANGED"))
                .post(PATH)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("WEBHOOK_LIMIT_REACHED"));
        // other organizations are not affected, and deleting one makes room again
        subscribe(TestTokens.BOB, receiver.url());
        Webhooks.unsubscribe(supervisor, subscriptions.get(0)[1]);
        subscribe(supervisor, receiver.url());
    }

    @Test
    void dispatchTakesOrganizationsInTurnSoABacklogDoesNotDelayOthers() {
        String busy = newClinic();
        String quiet = newClinic();
        subscribe(supervisorOf(busy), receiver.url());
        String quietSubscription = subscribe(supervisorOf(quiet), receiver.url());
        String busyCaseworker = TestTokens.token("cw", "caseworker", busy);
        for (int i = 0; i < 12; i++) {
            Mother.createClient(busyCaseworker);
        }
        Mother.createClient(TestTokens.token("cw", "caseworker", quiet)); // the youngest due delivery of all

        dispatcher.dispatchDue(); // one batch of 5 (the test profile's batch size)
        assertEquals(
                "DELIVERED",
                deliveries(supervisorOf(quiet), quietSubscription).getString("items[0].status"),
                "the quiet clinic's delivery waited behind the busy clinic's backlog");
        assertTrue(receiver.received().size() <= 5, "one batch");
    }

    @Test
    void aReceiverThatKeepsFailingIsPausedAndShowsIt() throws Exception {
        String org = newClinic();
        String supervisor = supervisorOf(org);
        String subscription = subscribe(supervisor, WebhookReceiver.closedPortUrl());
        String caseworker = TestTokens.token("cw", "caseworker", org);
        for (int i = 0; i < 3; i++) {
            Mother.createClient(caseworker);
        }
        // 3 deliveries x up to 4 attempts; the fifth failure in a row opens the circuit
        dispatchUntil(
                dispatcher,
                () -> as(supervisor)
                                .get(PATH + "/" + subscription)
                                .then()
                                .extract()
                                .jsonPath()
                                .getInt("consecutiveFailures")
                        >= 5,
                "five failures in a row");
        JsonPath paused = as(supervisor)
                .get(PATH + "/" + subscription)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        OffsetDateTime until = OffsetDateTime.parse(paused.getString("pausedUntil"));
        assertTrue(until.isAfter(OffsetDateTime.now().plusSeconds(30)), until.toString());

        int attempts = totalAttempts(supervisor, subscription);
        for (int i = 0; i < 10; i++) {
            dispatcher.dispatchDue();
            Thread.sleep(50); // spacing between dispatch rounds, not a poll: nothing may arrive
        }
        assertEquals(attempts, totalAttempts(supervisor, subscription), "a paused subscription was sent to");
    }

    private static int totalAttempts(String token, String subscription) {
        List<Integer> attempts = deliveries(token, subscription).getList("items.attempts", Integer.class);
        return attempts.stream().mapToInt(Integer::intValue).sum();
    }

    private String subscribe(String token, String url) {
        String id = Webhooks.subscribe(token, url, "CLIENT_CHANGED");
        subscriptions.add(new String[] {token, id});
        return id;
    }

    private static String newClinic() {
        String org = "wh-" + UUID.randomUUID().toString().substring(0, 8);
        Organizations.ensure(org, "Webhook Clinic", "America/New_York");
        return org;
    }

    private static String supervisorOf(String org) {
        return TestTokens.token("sv", "supervisor", org);
    }
}
