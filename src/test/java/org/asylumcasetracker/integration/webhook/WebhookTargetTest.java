package org.asylumcasetracker.integration.webhook;

import static org.asylumcasetracker.integration.webhook.Webhooks.deliveries;
import static org.asylumcasetracker.integration.webhook.Webhooks.dispatchUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where deliveries connect. Two receivers listen on the same port: one on 127.0.0.1, which the test profile
 * allows, and one on 127.0.0.2, which stands for an internal address the allow-list leaves out. A scripted
 * name first answers the allowed address and then the other one, as a DNS rebinding attacker would.
 */
@QuarkusTest
class WebhookTargetTest {

    private static final String REBINDING = "rebinding.clinic.test";

    @Inject
    WebhookDispatcher dispatcher;

    private WebhookReceiver allowed;
    private WebhookReceiver internal;
    private final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void receivers() throws Exception {
        Organizations.ensureDemoTenants();
        allowed = WebhookReceiver.start();
        internal = WebhookReceiver.startOn(InetAddress.getByAddress(new byte[] {127, 0, 0, 2}), allowed.port());
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(id -> Webhooks.unsubscribe(TestTokens.BOB, id));
        allowed.close();
        internal.close();
    }

    @Test
    void theAllowListLetsTheLoopbackReceiverThrough() {
        String subscription = subscribe("http://127.0.0.1:" + allowed.port() + "/hooks");
        Mother.createClient(TestTokens.ALICE);

        dispatchUntil(dispatcher, () -> allowed.received().size() == 1, "the allowed receiver to get the delivery");
        assertEquals("DELIVERED", deliveries(TestTokens.BOB, subscription).getString("items[0].status"));
        assertTrue(internal.received().isEmpty());
    }

    @Test
    void aNameThatRebindsAfterTheSubscriptionCheckIsNeverConnectedToTheInternalAddress() throws Exception {
        TestHostResolver.answerInTurn(REBINDING, loopback(1), loopback(2));
        String subscription = subscribe("http://" + REBINDING + ":" + allowed.port() + "/hooks");
        Mother.createClient(TestTokens.ALICE);

        dispatchUntil(
                dispatcher,
                () -> deliveries(TestTokens.BOB, subscription).getInt("items[0].attempts") >= 2,
                "two attempts");
        JsonPath log = deliveries(TestTokens.BOB, subscription);
        assertEquals(WebhookSender.UNREACHABLE, log.getString("items[0].lastError"));
        assertTrue(internal.received().isEmpty(), "a request reached the address that was never allowed");
        assertTrue(allowed.received().isEmpty());
    }

    @Test
    void anAttemptConnectsToTheAddressItCheckedEvenWhenTheNameChangesRightAfter() throws Exception {
        // subscription check and the attempt's check answer 127.0.0.1; any further lookup would answer 127.0.0.2
        TestHostResolver.answerInTurn(REBINDING, loopback(1), loopback(1), loopback(2));
        String subscription = subscribe("http://" + REBINDING + ":" + allowed.port() + "/hooks");
        Mother.createClient(TestTokens.ALICE);

        dispatchUntil(dispatcher, () -> allowed.received().size() == 1, "the checked address to get the delivery");
        assertEquals("DELIVERED", deliveries(TestTokens.BOB, subscription).getString("items[0].status"));
        assertEquals(2, TestHostResolver.lookups(REBINDING), "one lookup to subscribe, one for the attempt");
        assertTrue(internal.received().isEmpty());
    }

    private String subscribe(String url) {
        String id = Webhooks.subscribe(TestTokens.BOB, url, "CLIENT_CHANGED");
        subscriptions.add(id);
        return id;
    }

    private static InetAddress loopback(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    }
}
