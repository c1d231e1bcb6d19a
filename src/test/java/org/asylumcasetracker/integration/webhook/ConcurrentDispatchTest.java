package org.asylumcasetracker.integration.webhook;

import static org.asylumcasetracker.integration.webhook.Webhooks.deliveries;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Two dispatchers over one database, as two instances of the service would run them: they claim disjoint
 * deliveries, so no delivery reaches the receiver more often than attempts were made and recorded (once, unless
 * an attempt failed).
 */
@QuarkusTest
class ConcurrentDispatchTest {

    private static final int CHANGES = 40;
    private static final int DISPATCHERS = 2;

    @Inject
    WebhookDispatcher dispatcher;

    @Test
    void twoDispatchersDeliverEachDeliveryOnce() throws Exception {
        Organizations.ensureDemoTenants();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String subscription = Webhooks.subscribe(TestTokens.INTEGRATION, receiver.url(), "CLIENT_CHANGED");
            try {
                for (int i = 0; i < CHANGES; i++) {
                    Mother.createClient(TestTokens.ALICE);
                }
                JsonPath pending = deliveries(TestTokens.INTEGRATION, subscription);
                assertEquals(CHANGES, pending.getInt("total"));
                Set<String> expected = new HashSet<>(pending.getList("items.id"));

                CyclicBarrier start = new CyclicBarrier(DISPATCHERS);
                ExecutorService instances = Executors.newFixedThreadPool(DISPATCHERS);
                List<Future<Integer>> rounds = new ArrayList<>();
                for (int i = 0; i < DISPATCHERS; i++) {
                    rounds.add(instances.submit(() -> {
                        start.await();
                        int claimedRounds = 0;
                        long deadline = System.nanoTime() + Webhooks.PATIENCE.toNanos();
                        // each "instance" keeps dispatching until the receiver has seen every delivery
                        while (receiver.received().size() < CHANGES && System.nanoTime() < deadline) {
                            if (dispatcher.dispatchDue() > 0) {
                                claimedRounds++;
                            }
                        }
                        return claimedRounds;
                    }));
                }
                instances.shutdown();
                assertTrue(instances.awaitTermination(60, TimeUnit.SECONDS));
                int totalRounds = 0;
                for (Future<Integer> round : rounds) {
                    totalRounds += round.get();
                }

                List<String> ids = receiver.received().stream()
                        .map(WebhookReceiver.Received::id)
                        .toList();
                assertEquals(expected, new HashSet<>(ids), "every delivery arrived");
                assertTrue(totalRounds >= CHANGES / 5, "the batch of 5 needed several rounds: " + totalRounds);
                // The receiver answers before the dispatcher records the outcome: the last outcomes may still be on
                // their way when the last request has arrived.
                await().atMost(Webhooks.PATIENCE)
                        .until(() -> deliveries(TestTokens.INTEGRATION, subscription).getList("items.status").stream()
                                .allMatch("DELIVERED"::equals));
                JsonPath log = deliveries(TestTokens.INTEGRATION, subscription);
                // No delivery is sent by both dispatchers: each request the receiver got is an attempt on record.
                // (An attempt that timed out after its request arrived is sent again, and counted again.)
                List<String> logged = log.getList("items.id");
                List<Integer> attempts = log.getList("items.attempts");
                for (int i = 0; i < logged.size(); i++) {
                    String id = logged.get(i);
                    long times = ids.stream().filter(id::equals).count();
                    assertTrue(
                            times <= attempts.get(i),
                            id + " arrived " + times + " times in " + attempts.get(i) + " attempts");
                }
            } finally {
                Webhooks.unsubscribe(TestTokens.INTEGRATION, subscription);
            }
        }
    }
}
